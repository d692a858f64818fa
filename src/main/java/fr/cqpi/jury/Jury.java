package fr.cqpi.jury;

import fr.cqpi.course.Actor;
import fr.cqpi.course.CourseMember;
import fr.cqpi.course.CourseMembers;
import fr.cqpi.course.FamilyNameOrder;
import fr.cqpi.evaluation.BlocResultsChanged;
import fr.cqpi.evaluation.EvaluationQueries;
import fr.cqpi.evaluation.JudgmentService;
import fr.cqpi.evaluation.LearnerAccess;
import fr.cqpi.evaluation.LearnerNotFoundException;
import fr.cqpi.evaluation.Results;
import fr.cqpi.referentiel.Referentiel;
import fr.cqpi.shared.CivilDates;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The jury of a course: sessions, decisions per candidate and bloc (majority checked, or the président's casting vote
 * on a tie where the session's rules give it), recours. Acting as jury is for the evaluators of the course; a learner
 * reads only their own decisions. A decision is recorded under the learner's judgment lock and announced in its
 * transaction (the gradebook outbox writes there).
 *
 * <p>Dates hold together: a session may be planned ahead, but its decisions are recorded on or after its date; a
 * recours is filed on a past or present date, not before the decision it contests, and decided by a session held on
 * or after the day it was filed.
 */
@Service
public class Jury {

    private final JuryRepository jury;
    private final LearnerAccess access;
    private final CourseMembers members;
    private final EvaluationQueries evaluation;
    private final JudgmentService judgments;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Jury(
            JuryRepository jury,
            LearnerAccess access,
            CourseMembers members,
            EvaluationQueries evaluation,
            JudgmentService judgments,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jury = jury;
        this.access = access;
        this.members = members;
        this.evaluation = evaluation;
        this.judgments = judgments;
        this.events = events;
        this.clock = clock;
    }

    /** A candidate of a session: their current results and every decision and recours on them. */
    public record CandidateFile(
            CourseMember learner, Results results, List<JuryDecision> decisions, List<Recours> recours) {

        /** The recours on the bloc that no decision has decided yet, oldest first. */
        public List<Recours> pendingRecours(String blocCode) {
            return recours.stream()
                    .filter(r -> r.pending() && r.blocCode().equals(blocCode))
                    .toList();
        }
    }

    @Transactional(readOnly = true)
    public List<JurySession> sessions(Actor actor) {
        access.requireEvaluator(actor);
        Map<Long, CourseMember> learners = members.learnersById(actor.courseId());
        return jury.sessions(actor.courseId()).stream()
                .map(s -> session(s, learners))
                .toList();
    }

    @Transactional(readOnly = true)
    public JurySession session(Actor actor, long sessionId) {
        access.requireEvaluator(actor);
        return session(row(actor, sessionId), members.learnersById(actor.courseId()));
    }

    @Transactional(readOnly = true)
    public List<JuryDecision> decisionsOfSession(Actor actor, long sessionId) {
        access.requireEvaluator(actor);
        long id = row(actor, sessionId).id();
        return jury.decisionsOfSession(id, members.refs(jury.learnersOfSession(id)));
    }

    /** For the jury, or for the learner themself. */
    @Transactional(readOnly = true)
    public CandidateFile candidate(Actor actor, String learnerSub) {
        CourseMember learner = access.toRead(actor, learnerSub);
        return new CandidateFile(
                learner,
                evaluation.resultsOf(actor.courseId(), learner.userId()),
                jury.decisions(actor.courseId(), learner.ref()),
                jury.recours(actor.courseId(), learner.ref()));
    }

    /** Whether the session's date has come: its decisions are recorded from that day on. */
    public boolean held(JurySession session) {
        return !session.heldOn().isAfter(CivilDates.today(clock));
    }

    @Transactional
    public JurySession createSession(Actor actor, JuryInputs.Session input) {
        access.requireEvaluator(actor);
        LocalDate heldOn = JuryFields.date(input.heldOn(), "heldOn");
        String place = JuryFields.text(input.place(), "place", JuryFields.MAX_NAME, true);
        List<JuryMember> seated = JuryRules.seat(input.members());
        if (input.candidates() == null || input.candidates().isEmpty()) {
            throw new InvalidJuryInputException("candidates", "present at least one candidate (their learner id)");
        }
        Set<String> seen = new HashSet<>();
        List<CourseMember> candidates = new ArrayList<>();
        for (String sub : input.candidates()) {
            if (sub == null || !seen.add(sub)) {
                throw new InvalidJuryInputException("candidates", "a candidate is missing or presented twice");
            }
            candidates.add(members.learner(actor.courseId(), sub)
                    .orElseThrow(() -> new InvalidJuryInputException(
                            "candidates", "'" + sub + "' is not a learner of this course")));
        }
        boolean castingVote = Boolean.TRUE.equals(input.presidentCastingVote());
        long id = jury.insertSession(actor.courseId(), heldOn, place, castingVote, actor.sub());
        for (int i = 0; i < seated.size(); i++) {
            jury.insertMember(id, i + 1, seated.get(i));
        }
        candidates.forEach(c -> jury.insertCandidate(id, c.userId()));
        JurySession created = new JurySession(id, heldOn, place, castingVote, seated, candidates, 0);
        events.publishEvent(new JurySessionScheduled(actor.platformId(), actor.courseId(), created));
        return created;
    }

    /**
     * A new date or place for a session whose jury has not decided yet (its decisions are dated by it); its members
     * are told with an updated invitation.
     */
    @Transactional
    public JurySession reschedule(Actor actor, long sessionId, JuryInputs.Schedule input) {
        access.requireEvaluator(actor);
        JuryRepository.SessionRow row = row(actor, sessionId);
        LocalDate heldOn = JuryFields.date(input.heldOn(), "heldOn");
        String place = JuryFields.text(input.place(), "place", JuryFields.MAX_NAME, true);
        if (jury.hasDecisions(row.id())) {
            throw new JuryRefusedException(
                    "heldOn",
                    "session_has_decisions",
                    "the jury of this session has recorded decisions: its date and place stand as they were",
                    row.heldOn());
        }
        if (heldOn.equals(row.heldOn()) && place.equals(row.place())) {
            return session(row, members.learnersById(actor.courseId()));
        }
        jury.reschedule(row.id(), heldOn, place);
        JurySession changed = session(row(actor, sessionId), members.learnersById(actor.courseId()));
        events.publishEvent(new JurySessionScheduled(actor.platformId(), actor.courseId(), changed));
        return changed;
    }

    @Transactional
    public Decided decide(Actor actor, long sessionId, JuryInputs.Decide input, String requestId) {
        access.requireEvaluator(actor);
        JurySession session = session(row(actor, sessionId), members.learnersById(actor.courseId()));
        if (!held(session)) {
            throw new JuryRefusedException(
                    "sessionId",
                    "session_not_held_yet",
                    "the jury session of " + session.heldOn() + " is not held yet: its decisions are recorded on or"
                            + " after that date",
                    session.heldOn());
        }
        if (input.learnerId() == null || !session.presents(input.learnerId())) {
            throw new InvalidJuryInputException("learnerId", "the learner is not a candidate of this session");
        }
        CourseMember learner = members.learner(actor.courseId(), input.learnerId())
                .orElseThrow(() -> new LearnerNotFoundException(input.learnerId()));
        Referentiel referentiel = evaluation.referentiel();
        if (input.blocCode() == null || referentiel.bloc(input.blocCode()).isEmpty()) {
            throw new InvalidJuryInputException("blocCode", "unknown bloc '" + input.blocCode() + "'");
        }
        Outcome outcome = JuryFields.choice(input.outcome(), "outcome", Outcome.class);
        Vote vote = JuryRules.vote(input, session);
        String reason = JuryFields.text(input.reason(), "reason", JuryFields.MAX_TEXT, true);
        String preconisations = JuryFields.text(input.preconisations(), "preconisations", JuryFields.MAX_TEXT, false);

        judgments.lockLearner(actor.courseId(), learner.userId());
        Results before = evaluation.resultsOf(actor.courseId(), learner.userId());
        Results.BlocResult bloc = before.bloc(input.blocCode()).orElseThrow();
        if (outcome == Outcome.REOUVERTURE && bloc.decision() == null) {
            throw new InvalidJuryInputException(
                    "outcome", "nothing_to_reopen", "no decision stands on this bloc: nothing to reopen");
        }
        if (input.recoursId() != null) {
            Recours recours = jury.recours(actor.courseId(), learner.ref()).stream()
                    .filter(r -> r.id() == input.recoursId() && r.blocCode().equals(input.blocCode()))
                    .findFirst()
                    .orElseThrow(() -> new InvalidJuryInputException(
                            "recoursId", "no recours " + input.recoursId() + " of this candidate on this bloc"));
            if (recours.decisionId() != null) {
                throw new InvalidJuryInputException("recoursId", "this recours was already decided");
            }
            if (session.heldOn().isBefore(recours.filedOn())) {
                throw new InvalidJuryInputException(
                        "recoursId",
                        "recours_after_session",
                        "this recours was filed on " + recours.filedOn() + ", after this session of " + session.heldOn()
                                + ": a session held on or after that day decides it",
                        recours.filedOn(),
                        session.heldOn());
            }
        }
        long id = jury.insertDecision(
                sessionId,
                actor.courseId(),
                learner.userId(),
                referentiel.code(),
                input.blocCode(),
                outcome,
                vote,
                reason,
                preconisations,
                bloc.proposition(),
                input.recoursId(),
                actor.sub(),
                actor.displayName(),
                requestId);
        Results.BlocResult after = evaluation
                .resultsOf(actor.courseId(), learner.userId())
                .bloc(input.blocCode())
                .orElseThrow();
        if (!after.equals(bloc)) {
            events.publishEvent(
                    new BlocResultsChanged(actor.platformId(), actor.courseId(), learner.ref(), List.of(after)));
        }
        events.publishEvent(new JuryDecisionRecorded(
                actor.platformId(),
                actor.courseId(),
                sessionId,
                session.heldOn(),
                id,
                learner.ref(),
                learner.displayName()));
        JuryDecision decision = jury.decisions(actor.courseId(), learner.ref()).stream()
                .filter(d -> d.id() == id)
                .findFirst()
                .orElseThrow();
        return new Decided(decision, after);
    }

    public record Decided(JuryDecision decision, Results.BlocResult bloc) {}

    /** A recours against the decision that stands on a bloc; decided later by a decision naming it. */
    @Transactional
    public Recours fileRecours(Actor actor, String learnerSub, JuryInputs.FileRecours input) {
        CourseMember learner = access.toJudge(actor, learnerSub);
        if (input.blocCode() == null
                || evaluation.referentiel().bloc(input.blocCode()).isEmpty()) {
            throw new InvalidJuryInputException("blocCode", "unknown bloc '" + input.blocCode() + "'");
        }
        LocalDate filedOn = JuryFields.date(input.filedOn(), "filedOn");
        if (filedOn.isAfter(CivilDates.today(clock))) {
            throw new InvalidJuryInputException(
                    "filedOn",
                    "filed_in_future",
                    "filedOn " + filedOn + " is a future date: a recours is recorded once filed",
                    filedOn);
        }
        String grounds = JuryFields.text(input.grounds(), "grounds", JuryFields.MAX_TEXT, true);
        JuryDecision contested = JuryDecision.standing(jury.decisions(actor.courseId(), learner.ref()))
                .get(input.blocCode());
        if (contested == null) {
            throw new InvalidJuryInputException(
                    "blocCode", "nothing_to_appeal", "no jury decision stands on this bloc: nothing to appeal");
        }
        LocalDate decidedOn = row(actor, contested.sessionId()).heldOn();
        if (filedOn.isBefore(decidedOn)) {
            throw new InvalidJuryInputException(
                    "filedOn",
                    "filed_before_decision",
                    "filedOn " + filedOn + " is before the decision it contests (jury of " + decidedOn + ")",
                    decidedOn);
        }
        long id =
                jury.insertRecours(actor.courseId(), learner.userId(), input.blocCode(), filedOn, grounds, actor.sub());
        return jury.recours(actor.courseId(), learner.ref()).stream()
                .filter(r -> r.id() == id)
                .findFirst()
                .orElseThrow();
    }

    private JuryRepository.SessionRow row(Actor actor, long sessionId) {
        return jury.session(actor.courseId(), sessionId)
                .orElseThrow(() -> new JuryNotFoundException("no jury session " + sessionId + " in this course"));
    }

    private JurySession session(JuryRepository.SessionRow row, Map<Long, CourseMember> learners) {
        return new JurySession(
                row.id(),
                row.heldOn(),
                row.place(),
                row.presidentCastingVote(),
                jury.members(row.id()),
                jury.candidates(row.id()).stream()
                        .map(learners::get)
                        .filter(Objects::nonNull)
                        .sorted(FamilyNameOrder.members())
                        .toList(),
                row.revision());
    }
}
