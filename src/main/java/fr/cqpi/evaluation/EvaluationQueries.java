package fr.cqpi.evaluation;

import fr.cqpi.course.Actor;
import fr.cqpi.course.CourseMember;
import fr.cqpi.course.CourseMembers;
import fr.cqpi.course.FamilyNameOrder;
import fr.cqpi.course.TutorAssignments;
import fr.cqpi.referentiel.Referentiel;
import fr.cqpi.referentiel.ReferentielCatalog;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads for the grid, the cohort and the history; a fixed number of statements whatever the cohort size. Results
 * follow the judgments the référentiel's rule counts (by default the évaluateur habilité's).
 */
@Service
@Transactional(readOnly = true)
public class EvaluationQueries {

    private final JudgmentRepository judgments;
    private final ReferentielCatalog catalog;
    private final CourseMembers members;
    private final LearnerAccess access;
    private final StandingDecisions decisions;
    private final EvaluationSessions sessions;
    private final TutorAssignments tutors;
    private final CourseJudgmentsCache courseJudgments;

    EvaluationQueries(
            JudgmentRepository judgments,
            ReferentielCatalog catalog,
            CourseMembers members,
            LearnerAccess access,
            StandingDecisions decisions,
            EvaluationSessions sessions,
            TutorAssignments tutors,
            CourseJudgmentsCache courseJudgments) {
        this.judgments = judgments;
        this.catalog = catalog;
        this.members = members;
        this.access = access;
        this.decisions = decisions;
        this.sessions = sessions;
        this.tutors = tutors;
        this.courseJudgments = courseJudgments;
    }

    /** How many judgments each course holds (courses without any are absent), for the administrator. */
    public Map<Long, Long> judgmentCountsByCourse() {
        return judgments.countsByCourse();
    }

    public Referentiel referentiel() {
        return catalog.current().referentiel();
    }

    public LearnerGrid grid(Actor launch, String learnerSub) {
        CourseMember learner = access.toRead(launch, learnerSub);
        Referentiel referentiel = referentiel();
        EvaluatorJudgments byRole = judgments.findAll(launch.courseId(), learner.userId(), referentiel.code());
        Map<String, DecidedBloc> decided = decisions.decidedBlocs(launch.courseId(), learner.userId());
        Map<String, Decision> standing = new HashMap<>();
        Map<String, java.time.LocalDate> locked = new HashMap<>();
        decided.forEach((bloc, d) -> {
            standing.put(bloc, d.decision());
            if (d.locks()) {
                locked.put(bloc, d.juryDate());
            }
        });
        return new LearnerGrid(
                learner,
                referentiel,
                byRole.byRole(),
                ResultCalculator.compute(referentiel, byRole.counted(referentiel.rules()), standing),
                EvaluatorRole.of(launch),
                sessions.inCourse(launch.courseId()).stream()
                        .collect(Collectors.toMap(EvaluationSession::id, Function.identity())),
                Map.copyOf(locked));
    }

    public List<CohortRow> cohort(Actor launch) {
        return cohort(launch, null);
    }

    /**
     * The learners with their results per bloc: a tutor's own learners only. With a session: the learners judged in
     * it, with the results of what was judged in it.
     */
    public List<CohortRow> cohort(Actor launch, Long sessionId) {
        return rows(
                launch,
                sessionId,
                learners(launch),
                courseJudgments.inCourse(launch.courseId(), referentiel().code()));
    }

    /**
     * The cohort's rows, and for an evaluator the course's evaluators its filter offers, from one read of the
     * course's judgments.
     */
    public CohortView cohortView(Actor launch, Long sessionId) {
        List<CourseMember> roster = learners(launch);
        CourseJudgments course =
                courseJudgments.inCourse(launch.courseId(), referentiel().code());
        return new CohortView(
                rows(launch, sessionId, roster, course),
                launch.isEvaluator() ? evaluators(launch, course, roster) : List.of());
    }

    private List<CohortRow> rows(Actor launch, Long sessionId, List<CourseMember> roster, CourseJudgments course) {
        Referentiel referentiel = referentiel();
        // Judged in one session: its statuses, computed here. Otherwise the course's standing ones, whose results the
        // cached copy keeps.
        Map<Long, Map<EvaluatorRole, Map<String, JudgmentStatus>>> inSession =
                sessionId == null ? null : statusesInSession(launch, referentiel, sessionId);
        List<CourseMember> learners = inSession == null
                ? roster
                : roster.stream().filter(m -> inSession.containsKey(m.userId())).toList();
        Map<Long, Map<String, Decision>> decided = decisions.inCourse(launch.courseId());
        return learners.stream()
                .map(m -> {
                    Map<String, Decision> standing = decided.getOrDefault(m.userId(), Map.of());
                    Results results = inSession == null
                            ? course.results(m.userId(), referentiel, standing)
                            : CourseJudgments.compute(
                                    inSession.getOrDefault(m.userId(), Map.of()), referentiel, standing);
                    return new CohortRow(m, results, course.lastJudgedAt().get(m.userId()));
                })
                .toList();
    }

    private Map<Long, Map<EvaluatorRole, Map<String, JudgmentStatus>>> statusesInSession(
            Actor launch, Referentiel referentiel, long sessionId) {
        EvaluationSession session =
                sessions.find(launch.courseId(), sessionId).orElseThrow(() -> new SessionNotFoundException(sessionId));
        return judgments.statusesInSession(launch.courseId(), referentiel.code(), session);
    }

    /**
     * The course's evaluators for the cohort's filter, by name: whoever's judgments stand for some learners, and
     * the tuteurs entreprise with the learners they follow (judged or not yet).
     */
    private List<CohortEvaluator> evaluators(Actor launch, CourseJudgments course, List<CourseMember> learners) {
        Map<Long, String> subs =
                learners.stream().collect(Collectors.toMap(CourseMember::userId, CourseMember::sub, (a, b) -> a));
        Map<String, CohortEvaluator> bySub = new HashMap<>();
        course.judges()
                .values()
                .forEach(judge -> bySub.put(
                        judge.sub(),
                        new CohortEvaluator(
                                judge.sub(),
                                judge.name(),
                                false,
                                judge.learnerIds().stream()
                                        .map(subs::get)
                                        .filter(Objects::nonNull)
                                        .collect(Collectors.toUnmodifiableSet()))));
        tutors.inCourse(launch.courseId()).stream()
                .collect(Collectors.groupingBy(TutorAssignments.Assignment::tutorSub))
                .forEach((sub, assignments) -> {
                    Set<String> followed = new HashSet<>();
                    assignments.forEach(a -> followed.add(a.learnerSub()));
                    CohortEvaluator judged = bySub.get(sub);
                    if (judged != null) {
                        followed.addAll(judged.learnerSubs());
                    }
                    bySub.put(
                            sub, new CohortEvaluator(sub, assignments.get(0).tutorName(), true, Set.copyOf(followed)));
                });
        // Judges are known by the name their judgments carry, not by family name: sorted as names, in French order.
        return bySub.values().stream()
                .sorted(Comparator.comparing(CohortEvaluator::displayName, FamilyNameOrder.keys()))
                .toList();
    }

    /** The course's learners; for a tutor, those assigned to them. */
    public List<CourseMember> learners(Actor launch) {
        access.requireJudge(launch);
        List<CourseMember> all = members.learners(launch.courseId());
        if (!launch.isTutor()) {
            return all;
        }
        Set<Long> mine = tutors.learnersOf(launch.courseId(), launch.userId());
        return all.stream().filter(m -> mine.contains(m.userId())).toList();
    }

    /** A learner's results, for services acting on a course rather than for a launch (grade sync). */
    public Results resultsOf(long courseId, long learnerId) {
        Referentiel referentiel = referentiel();
        return ResultCalculator.compute(
                referentiel,
                judgments.findAll(courseId, learnerId, referentiel.code()).counted(referentiel.rules()),
                decisions.of(courseId, learnerId));
    }

    /** Some learners' results in one course, in a fixed number of statements (grade sync's batches). */
    public Map<Long, Results> resultsOf(long courseId, Collection<Long> learnerIds) {
        Referentiel referentiel = referentiel();
        Map<Long, Map<EvaluatorRole, Map<String, JudgmentStatus>>> statuses =
                judgments.statusesOf(courseId, learnerIds, referentiel.code());
        Map<Long, Map<String, Decision>> decided = decisions.of(courseId, learnerIds);
        Map<Long, Results> results = new HashMap<>();
        for (long learnerId : learnerIds) {
            Map<EvaluatorRole, Map<String, JudgmentStatus>> byRole = statuses.getOrDefault(learnerId, Map.of());
            results.put(
                    learnerId,
                    ResultCalculator.compute(
                            referentiel,
                            CountedStatuses.of(
                                    referentiel.rules(),
                                    byRole.getOrDefault(EvaluatorRole.EVALUATEUR, Map.of()),
                                    byRole.getOrDefault(EvaluatorRole.TUTEUR, Map.of())),
                            decided.getOrDefault(learnerId, Map.of())));
        }
        return results;
    }

    /**
     * Where a learner's two evaluators disagree, in the référentiel's order (for the jury, which authorises its own
     * callers): each divergence names its bloc.
     */
    public List<Divergence> divergences(long courseId, long learnerId) {
        Referentiel referentiel = referentiel();
        return Divergences.of(
                referentiel,
                judgments.findAll(courseId, learnerId, referentiel.code()).byRole());
    }

    /** A page of the learner's history, older than the change {@code before} when given. */
    public HistoryPage history(Actor launch, String learnerSub, Long before) {
        return history(launch, learnerSub, before, null);
    }

    /** A page of the learner's history, of one session when {@code sessionId} is given. */
    public HistoryPage history(Actor launch, String learnerSub, Long before, Long sessionId) {
        CourseMember learner = access.toRead(launch, learnerSub);
        EvaluationSession session = sessionId == null
                ? null
                : sessions.find(launch.courseId(), sessionId)
                        .orElseThrow(() -> new SessionNotFoundException(sessionId));
        List<AuditEntry> entries =
                judgments.history(launch.courseId(), learner.userId(), before, session, HistoryPage.SIZE + 1);
        if (entries.size() <= HistoryPage.SIZE) {
            return new HistoryPage(entries, null);
        }
        List<AuditEntry> page = entries.subList(0, HistoryPage.SIZE);
        return new HistoryPage(List.copyOf(page), page.get(page.size() - 1).id());
    }

    /** The course's evaluation sessions by id (for pages naming the session of a judgment). */
    public Map<Long, EvaluationSession> sessionsOf(long courseId) {
        return sessions.inCourse(courseId).stream()
                .collect(Collectors.toMap(EvaluationSession::id, Function.identity()));
    }
}
