package fr.cqpi.jury;

import fr.cqpi.course.Actor;
import fr.cqpi.course.CourseMember;
import fr.cqpi.course.CourseMembers;
import fr.cqpi.evaluation.BlocResultsChanged;
import fr.cqpi.evaluation.EvaluationQueries;
import fr.cqpi.evaluation.JudgmentService;
import fr.cqpi.evaluation.LearnerAccess;
import fr.cqpi.evaluation.LearnerNotFoundException;
import fr.cqpi.evaluation.Results;
import fr.cqpi.referentiel.Referentiel;
import fr.cqpi.shared.CivilDates;
import fr.cqpi.shared.Texts;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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

    static final int MAX_TEXT = 4000;
    static final int MAX_NAME = 200;
    static final int MAX_MEMBERS = 30;
    static final int MAX_EMAIL = 254;
    private static final java.util.regex.Pattern EMAIL =
            java.util.regex.Pattern.compile("[^@\\s<>,;\"]+@[^@\\s<>,;\"]+\\.[^@\\s<>,;\"]+");

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
        LocalDate heldOn = date(input.heldOn(), "heldOn");
        String place = text(input.place(), "place", MAX_NAME, true);
        List<JuryMember> seated = members(input.members());
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
        LocalDate heldOn = date(input.heldOn(), "heldOn");
        String place = text(input.place(), "place", MAX_NAME, true);
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
        Outcome outcome = choice(input.outcome(), "outcome", Outcome.class);
        Vote vote = vote(input, session);
        String reason = text(input.reason(), "reason", MAX_TEXT, true);
        String preconisations = text(input.preconisations(), "preconisations", MAX_TEXT, false);

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
        LocalDate filedOn = date(input.filedOn(), "filedOn");
        if (filedOn.isAfter(CivilDates.today(clock))) {
            throw new InvalidJuryInputException(
                    "filedOn",
                    "filed_in_future",
                    "filedOn " + filedOn + " is a future date: a recours is recorded once filed",
                    filedOn);
        }
        String grounds = text(input.grounds(), "grounds", MAX_TEXT, true);
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
                        .filter(java.util.Objects::nonNull)
                        .sorted(fr.cqpi.course.FamilyNameOrder.members())
                        .toList(),
                row.revision());
    }

    private static Vote vote(JuryInputs.Decide input, JurySession session) {
        int forIt = count(input.votesFor(), "votesFor");
        int against = count(input.votesAgainst(), "votesAgainst");
        int abstention = count(input.votesAbstention(), "votesAbstention");
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

    private static int count(Integer value, String field) {
        if (value == null || value < 0 || value > MAX_MEMBERS) {
            throw new InvalidJuryInputException(field, field + " is required: a whole number from 0 to " + MAX_MEMBERS);
        }
        return value;
    }

    private static List<JuryMember> members(List<JuryInputs.Member> input) {
        if (input == null || input.isEmpty() || input.size() > MAX_MEMBERS) {
            throw new InvalidJuryInputException("members", "a jury has 1 to " + MAX_MEMBERS + " members");
        }
        List<JuryMember> seated = new ArrayList<>();
        for (JuryInputs.Member m : input) {
            if (m == null) {
                throw new InvalidJuryInputException("members", "a member is missing");
            }
            MemberRole role = choice(m.role(), "members.role", MemberRole.class);
            College college = choice(m.college(), "members.college", College.class);
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
                    text(m.name(), "members.name", MAX_NAME, true), college, role, email(m.email(), "members.email")));
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

    private static <E extends Enum<E>> E choice(String value, String field, Class<E> type) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidJuryInputException(
                    field,
                    "'" + value + "' is not one of "
                            + java.util.Arrays.stream(type.getEnumConstants())
                                    .map(Enum::name)
                                    .collect(Collectors.joining(", ")));
        }
    }

    private static LocalDate date(String value, String field) {
        try {
            return LocalDate.parse(value == null ? "" : value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidJuryInputException(field, field + " is required as a date, e.g. 2026-12-01");
        }
    }

    /** An optional e-mail address: one mailbox, {@code local@domain}, as typed (trimmed). */
    private static String email(String value, String field) {
        String email = text(value, field, MAX_EMAIL, false);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new InvalidJuryInputException(field, "'" + email + "' is not an e-mail address");
        }
        return email;
    }

    private static String text(String value, String field, int max, boolean required) {
        String text = value == null ? null : Texts.clean(value).strip();
        if (text == null || text.isEmpty()) {
            if (required) {
                throw new InvalidJuryInputException(field, field + " is required");
            }
            return null;
        }
        if (text.codePointCount(0, text.length()) > max) {
            throw new InvalidJuryInputException(field, field + " is longer than " + max + " characters");
        }
        return text;
    }
}
