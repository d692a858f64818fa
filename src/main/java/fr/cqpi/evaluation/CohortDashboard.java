package fr.cqpi.evaluation;

import fr.cqpi.course.Actor;
import fr.cqpi.referentiel.Referentiel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The cohort dashboard, over the learners the actor sees (evaluators only), in four statements. */
@Service
@Transactional(readOnly = true)
public class CohortDashboard {

    /** Not judged for this long while something is left to evaluate: behind. */
    static final Duration LATELY = Duration.ofDays(30);
    /** This many points of criteria evaluated below the cohort's average: behind. */
    static final int BELOW_COHORT_POINTS = 20;

    private static final int MOST_NON_ACQUIS = 10;

    private final EvaluationQueries queries;
    private final JdbcClient jdbc;
    private final Clock clock;

    CohortDashboard(EvaluationQueries queries, JdbcClient jdbc, Clock clock) {
        this.queries = queries;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Dashboard of(Actor actor) {
        List<CohortRow> rows = queries.cohort(actor);
        Referentiel referentiel = queries.referentiel();
        List<Long> learnerIds = rows.stream().map(r -> r.learner().userId()).toList();
        long criteria = referentiel.criteria().count();
        return new Dashboard(
                rows.size(),
                distribution(rows, referentiel),
                learnerIds.isEmpty() ? List.of() : progress(actor.courseId(), learnerIds, criteria * rows.size()),
                learnerIds.isEmpty() ? List.of() : mostNonAcquis(actor.courseId(), learnerIds, referentiel),
                behind(rows, criteria));
    }

    private static List<Dashboard.BlocDistribution> distribution(List<CohortRow> rows, Referentiel referentiel) {
        return referentiel.blocs().stream()
                .map(bloc -> {
                    Map<BlocState, Integer> counts = new EnumMap<>(BlocState.class);
                    for (BlocState state : BlocState.values()) {
                        counts.put(state, 0);
                    }
                    rows.forEach(row ->
                            row.results().bloc(bloc.code()).ifPresent(b -> counts.merge(b.state(), 1, Integer::sum)));
                    return new Dashboard.BlocDistribution(bloc.code(), counts);
                })
                .toList();
    }

    /**
     * Day by day, from the audit trail of the évaluateur habilité (whose judgments the results follow by default): each
     * change adds or removes one acquired and one evaluated criterion.
     */
    private List<Dashboard.DayProgress> progress(long courseId, List<Long> learnerIds, long cohortCriteria) {
        List<Dashboard.DayProgress> days = new ArrayList<>();
        long[] totals = new long[2];
        jdbc.sql("""
                        select (changed_at at time zone 'Europe/Paris')::date as day,
                               sum((after_status = 'ACQUIS')::int - (coalesce(before_status, '') = 'ACQUIS')::int),
                               sum((after_status <> 'NON_EVALUE')::int
                                   - (coalesce(before_status, 'NON_EVALUE') <> 'NON_EVALUE')::int)
                        from judgment_audit where course_id = :course and learner_id in (:learners)
                          and evaluator_role = 'EVALUATEUR'
                        group by day order by day""").param("course", courseId).param("learners", learnerIds).query(rs -> {
            totals[0] += rs.getLong(2);
            totals[1] += rs.getLong(3);
            days.add(new Dashboard.DayProgress(
                    rs.getObject(1, LocalDate.class),
                    totals[0],
                    totals[1],
                    percent(totals[0], cohortCriteria),
                    percent(totals[1], cohortCriteria)));
        });
        return days;
    }

    private List<Dashboard.CriterionCount> mostNonAcquis(
            long courseId, List<Long> learnerIds, Referentiel referentiel) {
        return jdbc.sql("""
                        select criterion_code, count(*) from judgment
                        where course_id = :course and referentiel_code = :ref and status = 'NON_ACQUIS'
                          and learner_id in (:learners) and evaluator_role = 'EVALUATEUR'
                        group by criterion_code order by count(*) desc, criterion_code limit :limit""")
                .param("course", courseId)
                .param("ref", referentiel.code())
                .param("learners", learnerIds)
                .param("limit", MOST_NON_ACQUIS)
                .query((rs, n) -> new Dashboard.CriterionCount(
                        rs.getString(1),
                        referentiel
                                .criterion(rs.getString(1))
                                .map(Referentiel.Criterion::text)
                                .orElse(""),
                        rs.getInt(2)))
                .list();
    }

    private List<Dashboard.Behind> behind(List<CohortRow> rows, long criteria) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Instant lately = clock.instant().minus(LATELY);
        double average = rows.stream()
                .mapToInt(r -> evaluatedPercent(r, criteria))
                .average()
                .orElse(0);
        List<Dashboard.Behind> behind = new ArrayList<>();
        for (CohortRow row : rows) {
            int evaluated = evaluatedPercent(row, criteria);
            if (evaluated == 100 || !row.learner().active()) {
                continue;
            }
            if (row.lastJudgedAt() == null) {
                behind.add(new Dashboard.Behind(row, "NEVER_JUDGED", evaluated));
            } else if (row.lastJudgedAt().isBefore(lately)) {
                behind.add(new Dashboard.Behind(row, "NOT_JUDGED_LATELY", evaluated));
            } else if (evaluated < average - BELOW_COHORT_POINTS) {
                behind.add(new Dashboard.Behind(row, "BELOW_COHORT", evaluated));
            }
        }
        return behind;
    }

    private static int evaluatedPercent(CohortRow row, long criteria) {
        int evaluated = row.results().blocs().stream()
                .mapToInt(Results.BlocResult::evaluated)
                .sum();
        return percent(evaluated, criteria);
    }

    private static int percent(long part, long whole) {
        return whole == 0 ? 0 : (int) Math.round(100.0 * part / whole);
    }
}
