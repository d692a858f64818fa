package fr.cqpi.jury;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The rules a jury paritaire follows: who sits (one président, voting members of both colleges, each role in the
 * college it may represent) and when a vote carries a decision (every voting member votes once, a majority for it, or
 * the président's casting vote on a tie where the session's rules give it).
 */
final class JuryRules {

    private JuryRules() {}

    /** The members seated, in the order given. */
    static List<JuryMember> seat(List<JuryInputs.Member> input) {
        if (input == null || input.isEmpty() || input.size() > JuryFields.MAX_MEMBERS) {
            throw new InvalidJuryInputException("members", "a jury has 1 to " + JuryFields.MAX_MEMBERS + " members");
        }
        List<JuryMember> seated = new ArrayList<>();
        for (JuryInputs.Member m : input) {
            if (m == null) {
                throw new InvalidJuryInputException("members", "a member is missing");
            }
            MemberRole role = JuryFields.choice(m.role(), "members.role", MemberRole.class);
            College college = JuryFields.choice(m.college(), "members.college", College.class);
            boolean fits = switch (role) {
                case PRESIDENT -> college != College.AUCUN;
                case REPRESENTANT_EMPLOYEURS -> college == College.EMPLOYEURS;
                case REPRESENTANT_SALARIES -> college == College.SALARIES;
                case RAPPORTEUR -> true;
            };
            if (!fits) {
                throw new InvalidJuryInputException(
                        "members.college", "a " + role + " cannot sit for the college " + college);
            }
            seated.add(new JuryMember(
                    JuryFields.text(m.name(), "members.name", JuryFields.MAX_NAME, true),
                    college,
                    role,
                    JuryFields.email(m.email(), "members.email")));
        }
        Map<MemberRole, Long> roles =
                seated.stream().collect(Collectors.groupingBy(JuryMember::role, Collectors.counting()));
        if (roles.getOrDefault(MemberRole.PRESIDENT, 0L) != 1) {
            throw new InvalidJuryInputException("members.role", "a jury has exactly one président");
        }
        Map<College, Long> colleges = seated.stream()
                .filter(m -> m.role().votes())
                .collect(Collectors.groupingBy(JuryMember::college, Collectors.counting()));
        if (!colleges.containsKey(College.EMPLOYEURS) || !colleges.containsKey(College.SALARIES)) {
            throw new InvalidJuryInputException(
                    "members.college",
                    "a jury paritaire seats voting members of both colleges, employeurs and salariés");
        }
        return seated;
    }

    /** The vote as recorded, once it is complete and carries the decision. */
    static Vote vote(JuryInputs.Decide input, JurySession session) {
        int forIt = JuryFields.count(input.votesFor(), "votesFor");
        int against = JuryFields.count(input.votesAgainst(), "votesAgainst");
        int abstention = JuryFields.count(input.votesAbstention(), "votesAbstention");
        boolean casting = Boolean.TRUE.equals(input.castingVote());
        // A casting vote is recorded only where it decided: on a tie, under rules that give it.
        Vote vote = new Vote(forIt, against, abstention, casting && forIt == against && session.presidentCastingVote());
        if (vote.cast() != session.votingMembers()) {
            throw new InvalidJuryInputException(
                    "votes",
                    "votes_count",
                    "every voting member votes once: " + session.votingMembers() + " votes expected (the rapporteur"
                            + " does not vote), " + vote.cast() + " given",
                    session.votingMembers(),
                    vote.cast());
        }
        if (vote.tied() && !vote.carries()) {
            throw new InvalidJuryInputException(
                    "votes",
                    session.presidentCastingVote() ? "tie_casting_vote_not_cast" : "tie_no_casting_vote",
                    "no majority: the votes for the decision (" + forIt + ") and against it (" + against + ") are"
                            + " equal; "
                            + (session.presidentCastingVote()
                                    ? "the président's casting vote decides a tie only when cast for the decision"
                                            + " (castingVote)"
                                    : "this session's rules give the président no casting vote"),
                    forIt,
                    against);
        }
        if (!vote.carries()) {
            throw new InvalidJuryInputException(
                    "votes",
                    "no_majority",
                    "no majority: the votes for the decision (" + forIt + ") must outnumber those against (" + against
                            + ")",
                    forIt,
                    against);
        }
        return vote;
    }
}
