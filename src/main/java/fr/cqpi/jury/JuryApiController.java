package fr.cqpi.jury;

import fr.cqpi.course.Actor;
import fr.cqpi.course.CourseMember;
import fr.cqpi.shared.RequestIdFilter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The jury in JSON API v1: sessions, decisions and recours of the launch's course. The evaluators of the course act
 * as jury (record what the jury paritaire decided); a learner reads only their own file.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Jury", description = "Jury sessions, decisions per candidate and bloc (vote, majority), recours")
class JuryApiController {

    private final Jury jury;

    JuryApiController(Jury jury) {
        this.jury = jury;
    }

    record Learner(String learnerId, String name) {
        static Learner of(CourseMember m) {
            return new Learner(m.sub(), m.displayName());
        }
    }

    record SessionView(
            long id,
            LocalDate heldOn,
            String place,
            boolean presidentCastingVote,
            List<JuryMember> members,
            List<Learner> candidates) {
        static SessionView of(JurySession s) {
            return new SessionView(
                    s.id(),
                    s.heldOn(),
                    s.place(),
                    s.presidentCastingVote(),
                    s.members(),
                    s.candidates().stream().map(Learner::of).toList());
        }
    }

    @GetMapping("/jury-sessions")
    @Operation(summary = "The jury sessions of the course, latest first (evaluators only)")
    List<SessionView> sessions(Actor actor) {
        return jury.sessions(actor).stream().map(SessionView::of).toList();
    }

    @PostMapping("/jury-sessions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Records a jury session: date (may be ahead), place, members (college, role), the candidates"
                    + " presented and whether its rules give the président a casting vote on a tie"
                    + " (presidentCastingVote; evaluators only); one président, voting members of both colleges")
    SessionView create(Actor actor, @RequestBody JuryInputs.Session body) {
        return SessionView.of(jury.createSession(actor, body));
    }

    @PutMapping("/jury-sessions/{sessionId}/schedule")
    @Operation(
            summary = "Changes a session's date or place while its jury has decided nothing (409"
                    + " session_has_decisions after); members with an e-mail address receive an updated invitation"
                    + " (evaluators only)")
    SessionView reschedule(Actor actor, @PathVariable long sessionId, @RequestBody JuryInputs.Schedule body) {
        return SessionView.of(jury.reschedule(actor, sessionId, body));
    }

    record SessionDetail(SessionView session, List<JuryDecision> decisions) {}

    @GetMapping("/jury-sessions/{sessionId}")
    @Operation(summary = "A jury session with the decisions taken in it (evaluators only)")
    SessionDetail session(Actor actor, @PathVariable long sessionId) {
        return new SessionDetail(
                SessionView.of(jury.session(actor, sessionId)), jury.decisionsOfSession(actor, sessionId));
    }

    @PostMapping("/jury-sessions/{sessionId}/decisions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Records the jury's decision on a candidate's bloc (VALIDE, NON_VALIDE, AJOURNE or REOUVERTURE)"
                    + " with the vote on it: every voting member once, more votes for than against, or on a tie the"
                    + " président's casting vote (castingVote) where the session's rules give it. Not before the"
                    + " session's date (409 session_not_held_yet). VALIDE / NON_VALIDE lock the bloc's judgments (409"
                    + " on a change) until REOUVERTURE or a new decision; sent to the gradebook at once (evaluators"
                    + " only)")
    Jury.Decided decide(
            Actor actor,
            @PathVariable long sessionId,
            @RequestBody JuryInputs.Decide body,
            HttpServletRequest request) {
        return jury.decide(actor, sessionId, body, RequestIdFilter.of(request));
    }

    @GetMapping("/learners/{learnerId}/jury")
    @Operation(summary = "A candidate's results, jury decisions and recours (evaluators; a learner their own)")
    Jury.CandidateFile candidate(Actor actor, @PathVariable("learnerId") String learnerSub) {
        return jury.candidate(actor, learnerSub);
    }

    @PostMapping("/learners/{learnerId}/recours")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Records a recours against the decision standing on a bloc, filed on a past or present date not"
                    + " before that decision's jury; a decision naming it (recoursId), in a session held on or after"
                    + " the day it was filed, decides it (evaluators only)")
    Recours recours(
            Actor actor, @PathVariable("learnerId") String learnerSub, @RequestBody JuryInputs.FileRecours body) {
        return jury.fileRecours(actor, learnerSub, body);
    }
}
