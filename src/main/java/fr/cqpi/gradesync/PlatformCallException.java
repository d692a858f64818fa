package fr.cqpi.gradesync;

import java.time.Duration;

/** A call to a platform service that did not succeed, classified by what retrying can do about it. */
class PlatformCallException extends RuntimeException {

    enum Kind {
        /** 429, 503, Canvas's 403 "Rate Limit Exceeded": slow down, then retry. */
        THROTTLED,
        /** Timeouts, connection resets, 5xx: retry with backoff. */
        RETRYABLE,
        /** 400, 404, 410, 422 …: retrying cannot fix it. */
        PERMANENT,
        /** 401: the access token is no good. */
        UNAUTHORIZED
    }

    private final Kind kind;
    private final int status;
    private final Duration retryAfter;

    PlatformCallException(Kind kind, int status, String message, Duration retryAfter) {
        super(message);
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    Kind kind() {
        return kind;
    }

    int status() {
        return status;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
