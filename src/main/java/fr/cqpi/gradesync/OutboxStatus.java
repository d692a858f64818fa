package fr.cqpi.gradesync;

/** Where one learner's bloc stands on its way to the gradebook. */
public enum OutboxStatus {
    /** A state waits to be sent (first try, retry, or a change since the last send). */
    PENDING,
    /** The current state is in the gradebook. */
    SENT,
    /** The platform refused it for a reason retrying cannot fix, or retries ran out; a trainer may retry. */
    FAILED
}
