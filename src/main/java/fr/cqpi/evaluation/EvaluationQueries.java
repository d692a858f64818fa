package fr.cqpi.evaluation;

import fr.cqpi.course.Actor;
import fr.cqpi.course.CourseMember;
import fr.cqpi.course.CourseMembers;
import fr.cqpi.referentiel.Referentiel;
import fr.cqpi.referentiel.ReferentielCatalog;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads for the grid, the cohort and the history; a fixed number of statements whatever the cohort size. */
@Service
@Transactional(readOnly = true)
public class EvaluationQueries {

    private final JudgmentRepository judgments;
    private final ReferentielCatalog catalog;
    private final CourseMembers members;
    private final LearnerAccess access;
    private final StandingDecisions decisions;

    EvaluationQueries(
            JudgmentRepository judgments,
            ReferentielCatalog catalog,
            CourseMembers members,
            LearnerAccess access,
            StandingDecisions decisions) {
        this.judgments = judgments;
        this.catalog = catalog;
        this.members = members;
        this.access = access;
        this.decisions = decisions;
    }

    public Referentiel referentiel() {
        return catalog.current().referentiel();
    }

    public LearnerGrid grid(Actor launch, String learnerSub) {
        CourseMember learner = access.toRead(launch, learnerSub);
        Referentiel referentiel = referentiel();
        Map<String, Judgment> byCode = judgments.findAll(launch.courseId(), learner.userId(), referentiel.code());
        return new LearnerGrid(
                learner,
                referentiel,
                byCode,
                ResultCalculator.compute(
                        referentiel,
                        JudgmentService.statuses(byCode),
                        decisions.of(launch.courseId(), learner.userId())));
    }

    public List<CohortRow> cohort(Actor launch) {
        access.requireEvaluator(launch);
        Referentiel referentiel = referentiel();
        Map<Long, Map<String, JudgmentStatus>> statuses =
                judgments.statusesByLearner(launch.courseId(), referentiel.code());
        Map<Long, Map<String, Decision>> decided = decisions.inCourse(launch.courseId());
        Map<Long, Instant> lastJudged = judgments.lastJudgedAtByLearner(launch.courseId(), referentiel.code());
        return members.learners(launch.courseId()).stream()
                .map(m -> new CohortRow(
                        m,
                        ResultCalculator.compute(
                                referentiel,
                                statuses.getOrDefault(m.userId(), Map.of()),
                                decided.getOrDefault(m.userId(), Map.of())),
                        lastJudged.get(m.userId())))
                .toList();
    }

    public List<CourseMember> learners(Actor launch) {
        access.requireEvaluator(launch);
        return members.learners(launch.courseId());
    }

    /** A learner's results, for services acting on a course rather than for a launch (grade sync). */
    public Results resultsOf(long courseId, long learnerId) {
        Referentiel referentiel = referentiel();
        return ResultCalculator.compute(
                referentiel,
                JudgmentService.statuses(judgments.findAll(courseId, learnerId, referentiel.code())),
                decisions.of(courseId, learnerId));
    }

    /** A page of the learner's history, older than the change {@code before} when given. */
    public HistoryPage history(Actor launch, String learnerSub, Long before) {
        CourseMember learner = access.toRead(launch, learnerSub);
        List<AuditEntry> entries = judgments.history(launch.courseId(), learner.userId(), before, HistoryPage.SIZE + 1);
        if (entries.size() <= HistoryPage.SIZE) {
            return new HistoryPage(entries, null);
        }
        List<AuditEntry> page = entries.subList(0, HistoryPage.SIZE);
        return new HistoryPage(List.copyOf(page), page.get(page.size() - 1).id());
    }
}
