package fr.cqpi.jury;

import java.util.List;

/** What the API and the pages send; validated by {@link Jury}. */
public final class JuryInputs {

    private JuryInputs() {}

    /** {@code email}: optional; the member then receives the session's invitation and its changes. */
    public record Member(String name, String college, String role, String email) {

        public Member(String name, String college, String role) {
            this(name, college, role, null);
        }
    }

    /** A session's new date or place (its members are told, with an updated invitation). */
    public record Schedule(String heldOn, String place) {}

    /** {@code presidentCastingVote}: the session's rules give the président a casting vote on a tie (false if absent). */
    public record Session(
            String heldOn, String place, List<Member> members, List<String> candidates, Boolean presidentCastingVote) {}

    /** {@code castingVote}: on a tie, the président's casting vote, cast for this outcome, decides (false if absent). */
    public record Decide(
            String learnerId,
            String blocCode,
            String outcome,
            Integer votesFor,
            Integer votesAgainst,
            Integer votesAbstention,
            String reason,
            String preconisations,
            Long recoursId,
            Boolean castingVote) {}

    public record FileRecours(String blocCode, String filedOn, String grounds) {}
}
