package fr.cqpi.jury;

/**
 * A jury session was created ({@code session.revision()} 0) or its date or place changed (a higher revision);
 * published in the transaction that stores it.
 */
public record JurySessionScheduled(long platformId, long courseId, JurySession session) {

    public boolean changed() {
        return session.revision() > 0;
    }
}
