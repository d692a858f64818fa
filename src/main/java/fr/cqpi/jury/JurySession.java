package fr.cqpi.jury;

import fr.cqpi.course.CourseMember;
import java.time.LocalDate;
import java.util.List;

/**
 * A jury session; {@code presidentCastingVote} when its rules give the président a casting vote (voix prépondérante)
 * on a tie; {@code revision} counts the changes of its date or place (0 as created).
 */
public record JurySession(
        long id,
        LocalDate heldOn,
        String place,
        boolean presidentCastingVote,
        List<JuryMember> members,
        List<CourseMember> candidates,
        int revision) {

    public int votingMembers() {
        return (int) members.stream().filter(m -> m.role().votes()).count();
    }

    public boolean presents(String learnerSub) {
        return candidates.stream().anyMatch(c -> c.sub().equals(learnerSub));
    }
}
