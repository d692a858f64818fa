package fr.cqpi.jury;

import java.util.List;

/** What the API and the pages send; validated by {@link Jury}. */
public final class JuryInputs {

    private JuryInputs() {}

    public record Member(String name, String college, String role) {}

    public record Session(String heldOn, String place, List<Member> members, List<String> candidates) {}

    public record Decide(
            String learnerId,
            String blocCode,
            String outcome,
            Integer votesFor,
            Integer votesAgainst,
            Integer votesAbstention,
            String reason,
            String preconisations,
            Long recoursId) {}

    public record FileRecours(String blocCode, String filedOn, String grounds) {}
}
