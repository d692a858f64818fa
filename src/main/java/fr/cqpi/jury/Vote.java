package fr.cqpi.jury;

/**
 * The votes of the members who vote on the recorded outcome: for it, against it, abstaining; {@code castingVote} when
 * the votes for and against were equal and the président's casting vote (voix prépondérante), cast for the outcome,
 * decided it, as the session's rules allow.
 */
public record Vote(int forIt, int against, int abstention, boolean castingVote) {

    public int cast() {
        return forIt + against + abstention;
    }

    /** Equal votes for and against, at least one of each: only a casting vote can decide. */
    public boolean tied() {
        return forIt == against && forIt > 0;
    }

    /**
     * A majority of the votes expressed (abstentions not counted) is for the outcome, or, on a tie, the président's
     * casting vote.
     */
    public boolean carries() {
        return forIt > against || (castingVote && tied());
    }
}
