package fr.cqpi.gradesync;

import fr.cqpi.evaluation.EvaluationQueries;
import fr.cqpi.lti.CourseLaunched;
import fr.cqpi.lti.LaunchContext;
import fr.cqpi.lti.PlatformRegistry;
import fr.cqpi.lti.ToolRole;
import fr.cqpi.referentiel.Referentiel;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What trainers see and do about grade sync, always within their launch's course. */
@Service
public class GradeSync implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(GradeSync.class);

    private final JdbcClient jdbc;
    private final OutboxWriter outbox;
    private final EvaluationQueries evaluation;
    private final RosterSync roster;
    private final LineItems lineItems;
    private final PlatformRegistry platforms;
    private final GradeSyncProperties properties;
    private final ExecutorService background = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "course-services");
        t.setDaemon(true);
        return t;
    });

    GradeSync(
            JdbcClient jdbc,
            OutboxWriter outbox,
            EvaluationQueries evaluation,
            RosterSync roster,
            LineItems lineItems,
            PlatformRegistry platforms,
            GradeSyncProperties properties) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.evaluation = evaluation;
        this.roster = roster;
        this.lineItems = lineItems;
        this.platforms = platforms;
        this.properties = properties;
    }

    public record CourseSync(
            List<SyncRow> rows,
            long pending,
            long sent,
            long failed,
            boolean showProgress,
            boolean gradeService,
            boolean rosterService,
            Instant rosterSyncedAt) {}

    public CourseSync status(LaunchContext launch) {
        requireEvaluator(launch);
        List<SyncRow> rows = jdbc.sql("""
                        select u.sub, coalesce(u.name, u.sub), o.bloc_code, o.status, o.sent_at, o.sent_score, o.sent_state,
                               o.last_error, o.attempts, o.due_at
                        from grade_outbox o join lti_user u on u.id = o.learner_id
                        where o.course_id = :course order by lower(coalesce(u.name, u.sub)), o.bloc_code""")
                .param("course", launch.courseId())
                .query((rs, n) -> new SyncRow(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        instant(rs.getTimestamp(5)),
                        rs.getBigDecimal(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getInt(9),
                        instant(rs.getTimestamp(10))))
                .list();
        var course = jdbc.sql(
                        "select show_progress_in_gradebook, ags_lineitems, nrps_url, roster_synced_at from course where id = :id")
                .param("id", launch.courseId())
                .query((rs, n) -> new Object[] {rs.getBoolean(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4)})
                .single();
        return new CourseSync(
                rows,
                count(rows, "PENDING"),
                count(rows, "SENT"),
                count(rows, "FAILED"),
                (Boolean) course[0],
                course[1] != null || !lineItemsOf(launch.courseId()).isEmpty(),
                course[2] != null,
                instant((Timestamp) course[3]));
    }

    /** Marks every learner's blocs of the course for sending now. */
    @Transactional
    public int syncCourseNow(LaunchContext launch) {
        requireEvaluator(launch);
        Referentiel referentiel = evaluation.referentiel();
        List<Long> learners = jdbc.sql(
                        "select user_id from enrolment where course_id = :c and tool_role = 'LEARNER' and active")
                .param("c", launch.courseId())
                .query(Long.class)
                .list();
        for (long learner : learners) {
            for (Referentiel.Bloc bloc : referentiel.blocs()) {
                outbox.markDirty(launch.platformId(), launch.courseId(), learner, bloc.code());
            }
        }
        return learners.size() * referentiel.blocs().size();
    }

    /** Sends failed rows again now (all of the course, or one learner's bloc). */
    public int retryNow(LaunchContext launch, String learnerSub, String blocCode) {
        requireEvaluator(launch);
        return jdbc.sql("""
                        update grade_outbox o set status = 'PENDING', due_at = now(), attempts = 0, first_failure_at = null,
                            claimed_until = null
                        from lti_user u
                        where u.id = o.learner_id and o.course_id = :course and o.status = 'FAILED'
                          and (cast(:sub as text) is null or (u.sub = :sub and o.bloc_code = :bloc))""")
                .param("course", launch.courseId())
                .param("sub", learnerSub)
                .param("bloc", blocCode)
                .update();
    }

    @Transactional
    public void setShowProgress(LaunchContext launch, boolean show) {
        requireEvaluator(launch);
        jdbc.sql("update course set show_progress_in_gradebook = :show where id = :id")
                .param("show", show)
                .param("id", launch.courseId())
                .update();
        syncCourseNow(launch);
    }

    /** Reads the roster now (on demand). @return learners read, -1 when the platform offers no roster service */
    public int refreshRoster(LaunchContext launch) {
        requireEvaluator(launch);
        return roster.sync(launch.courseId());
    }

    /** What the gradebook holds, read back through the AGS results service: (learner sub + " " + bloc) → score /100. */
    public java.util.Map<String, java.math.BigDecimal> readBack(LaunchContext launch) {
        requireEvaluator(launch);
        var platform = platforms.findById(launch.platformId()).orElseThrow();
        var items = jdbc.sql("select bloc_code, url from line_item where course_id = :c")
                .param("c", launch.courseId())
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        java.util.Map<String, java.math.BigDecimal> held = new java.util.HashMap<>();
        for (String[] item : items) {
            PlatformHttp.forEachPage(
                    LineItems.subResource(item[1], "results"),
                    1000,
                    page -> lineItems.call(
                            platform, "GET", page, "application/vnd.ims.lis.v2.resultcontainer+json", null, null),
                    results -> {
                        for (var result : results) {
                            if (result.hasNonNull("userId") && result.hasNonNull("resultScore")) {
                                double max = result.path("resultMaximum").asDouble(100);
                                held.put(
                                        result.get("userId").asText() + " " + item[0],
                                        java.math.BigDecimal.valueOf(result.get("resultScore")
                                                                .asDouble()
                                                        * 100
                                                        / (max == 0 ? 100 : max))
                                                .setScale(2, java.math.RoundingMode.HALF_UP));
                            }
                        }
                    });
        }
        return held;
    }

    /** The latest grade-sync error of each platform, for the tool's administrator. */
    public java.util.Map<Long, String> lastErrorByPlatform() {
        java.util.Map<Long, String> errors = new java.util.HashMap<>();
        jdbc.sql("""
                        select distinct on (platform_id) platform_id, last_error from grade_outbox
                        where last_error is not null order by platform_id, coalesce(first_failure_at, changed_at) desc""").query(rs -> {
            errors.put(rs.getLong(1), rs.getString(2));
        });
        return errors;
    }

    /** After a trainer's launch: the roster (at most every few minutes) and the gradebook columns, off the request. */
    @EventListener
    void onCourseLaunched(CourseLaunched launched) {
        if (launched.role() != ToolRole.EVALUATOR || !properties.enabled()) {
            return;
        }
        background.execute(() -> {
            try {
                Timestamp synced = jdbc.sql("select roster_synced_at from course where id = :id")
                        .param("id", launched.courseId())
                        .query(Timestamp.class)
                        .optional()
                        .orElse(null);
                if (synced == null || synced.toInstant().isBefore(Instant.now().minus(properties.rosterCacheFor()))) {
                    roster.sync(launched.courseId());
                }
                platforms.findById(launched.platformId()).ifPresent(p -> {
                    lineItems.ensure(p, launched.courseId());
                    // Scores refused because their column had been deleted go again, now that it exists again.
                    jdbc.sql("""
                                    update grade_outbox set status = 'PENDING', due_at = now(), attempts = 0,
                                        first_failure_at = null, claimed_until = null
                                    where course_id = :c and status = 'FAILED' and last_error like 'HTTP 404%'""").param("c", launched.courseId()).update();
                });
            } catch (RuntimeException e) {
                log.info("Course services after launch of course {} failed: {}", launched.courseId(), e.getMessage());
            }
        });
    }

    private List<String> lineItemsOf(long courseId) {
        return jdbc.sql("select url from line_item where course_id = :c")
                .param("c", courseId)
                .query(String.class)
                .list();
    }

    private static void requireEvaluator(LaunchContext launch) {
        if (!launch.hasCourse() || !launch.isEvaluator()) {
            throw new AccessDeniedException("Only the course's evaluators manage grade sync");
        }
    }

    private static long count(List<SyncRow> rows, String status) {
        return rows.stream().filter(r -> r.status().equals(status)).count();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }
}
