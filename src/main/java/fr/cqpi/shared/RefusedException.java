package fr.cqpi.shared;

import java.util.List;

/**
 * Why something was not done, as the pages say it: a stable word for the refusal (the last word of its message key)
 * and the values its message states, in order. The exception's own message is an English detail for the API.
 */
public abstract class RefusedException extends RuntimeException {

    private final String reason;
    private final List<Object> args;

    protected RefusedException(String reason, String message, Object... args) {
        super(message);
        this.reason = reason;
        this.args = List.of(args);
    }

    /** A stable word for the refusal, e.g. {@code recours_pending}; null when what was refused says it. */
    public String reason() {
        return reason;
    }

    /** What the refusal's message states (counts, bloc codes, dates), in order. */
    public List<Object> args() {
        return args;
    }
}
