package fr.cqpi.evidence;

import org.springframework.util.unit.DataSize;

/** A file over the configured size limit. Nothing is stored. */
public class EvidenceTooLargeException extends RuntimeException {

    private final DataSize limit;

    public EvidenceTooLargeException(DataSize limit) {
        super("the file is larger than the limit of " + limit.toMegabytes() + " MB (" + limit.toBytes() + " bytes)");
        this.limit = limit;
    }

    public DataSize limit() {
        return limit;
    }
}
