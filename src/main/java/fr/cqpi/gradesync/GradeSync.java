package fr.cqpi.gradesync;

import fr.cqpi.course.Actor;
import fr.cqpi.course.Course;
import fr.cqpi.course.CourseMember;
import fr.cqpi.course.CourseMembers;
import fr.cqpi.course.Courses;
import fr.cqpi.course.FamilyNameOrder;
import fr.cqpi.course.LearnerRef;
import fr.cqpi.course.Roster;
import fr.cqpi.course.ToolRole;
import fr.cqpi.evaluation.EvaluationQueries;
import fr.cqpi.lti.CourseLaunched;
import fr.cqpi.lti.PlatformRegistry;
import fr.cqpi.referentiel.Referentiel;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What trainers see and do about grade sync, always within their launch's course. */
@Service
public class GradeSync implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(GradeSync.class);

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final ServiceOriginGuard origins;
    private final EvaluationQueries evaluation;
    private final RosterSync rosterSync;
    private final LineItems lineItems;
    private final PlatformRegistry platforms;
    private final Courses courses;
    private final CourseMembers members;
    private final Roster roster;
    private final GradeSyncProperties properties;
    private final Clock clock;
    /** Course services after a launch (roster, gradebook columns), off the request. */
    private final ThreadPoolTaskExecutor background;
    /** Courses whose services are queued and not started yet: a launch meanwhile needs no second run. */
    private final Set<Long> queued = ConcurrentHashMap.newKeySet();

    GradeSync(
            JdbcClient jdbc,
            Outbox outbox,
            ServiceOriginGuard origins,
            EvaluationQueries evaluation,
            RosterSync rosterSync,
            LineItems lineItems,
            PlatformRegistry platforms,
            Courses courses,
            CourseMembers members,
            Roster roster,
            GradeSyncProperties properties,
            Clock clock,
            ThreadPoolTaskExecutorBuilder executors) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.origins = origins;
        this.evaluation = evaluation;
        this.rosterSync = rosterSync;
        this.lineItems = lineItems;
        this.platforms = platforms;
        this.courses = courses;
        this.members = members;
        this.roster = roster;
        this.properties = properties;
        this.clock = clock;
        this.background = executors
                .corePoolSize(2)
                .maxPoolSize(2)
                .queueCapacity(1000)
                .threadNamePrefix("course-services-")
                .build();
        this.background.setDaemon(true);
        this.background.initialize();
    }

    public record CourseSync(
            List<SyncRow> rows,
            long pending,
            long sent,
            long failed,
            boolean showProgress,
            boolean gradeService,
            boolean rosterService,
            Instant rosterSyncedAt,
            List<UnavailableService> unavailableServices) {}

    /** A service the platform's launch named at a URL its token may not go to: ignored, and why. */
    public record UnavailableService(String service, String url, String reason) {}

    /** The course's service URLs (from the launches' claims) that are off the platform's service origins. */
    List<UnavailableService> unavailableServices(Course course) {
        var platform = platforms.findById(course.platformId()).orElse(null);
        if (platform == null) {
            return List.of();
        }
        List<UnavailableService> unavailable = new ArrayList<>();
        BiConsumer<String, String> check = (service, url) -> {
            if (url != null) {
                origins.refusal(platform, url)
                        .ifPresent(reason -> unavailable.add(new UnavailableService(service, url, reason)));
            }
        };
        check.accept("AGS", course.agsLineItems());
        check.accept("NRPS", course.nrpsUrl());
        courses.resourceLinkLineItems(course.id()).forEach(url -> check.accept("AGS", url));
        return unavailable;
    }

    public CourseSync status(Actor actor) {
        requireEvaluator(actor);
        List<Outbox.Entry> outboxRows = outbox.rowsOf(actor.courseId());
        Map<Long, CourseMember> learners = members.learnersById(actor.courseId());
        Map<Long, LearnerRef> others = members.refs(outboxRows.stream()
                .map(Outbox.Entry::learnerId)
                .filter(id -> !learners.containsKey(id))
                .collect(Collectors.toSet()));
        // By family name as the cohort (FamilyNameOrder); someone no longer a learner of the course by id.
        Comparator<Outbox.Entry> byLearner = Comparator.comparing(
                        (Outbox.Entry o) -> learners.containsKey(o.learnerId())
                                ? learners.get(o.learnerId()).sortKey()
                                : others.get(o.learnerId()).sub(),
                        FamilyNameOrder.keys())
                .thenComparing(Outbox.Entry::learnerId)
                .thenComparing(o -> o.delivery().blocCode());
        List<SyncRow> rows = outboxRows.stream()
                .sorted(byLearner)
                .map(o -> {
                    CourseMember learner = learners.get(o.learnerId());
                    LearnerRef ref = learner != null ? learner.ref() : others.get(o.learnerId());
                    return new SyncRow(ref, learner != null ? learner.displayName() : ref.sub(), o.delivery());
                })
                .toList();
        Course course = courses.find(actor.courseId()).orElseThrow();
        return new CourseSync(
                rows,
                count(rows, OutboxStatus.PENDING),
                count(rows, OutboxStatus.SENT),
                count(rows, OutboxStatus.FAILED),
                course.showProgressInGradebook(),
                course.agsLineItems() != null || lineItems.any(actor.courseId()),
                course.nrpsUrl() != null,
                course.rosterSyncedAt(),
                unavailableServices(course));
    }

    /** Marks every learner's blocs of the course (and overall result, for the activity's column) for sending now. */
    @Transactional
    public int syncCourseNow(Actor actor) {
        requireEvaluator(actor);
        Referentiel referentiel = evaluation.referentiel();
        List<LearnerRef> learners = members.activeLearners(actor.courseId());
        boolean activityColumn = courses.hasActivityColumn(actor.courseId());
        for (LearnerRef learner : learners) {
            for (Referentiel.Bloc bloc : referentiel.blocs()) {
                outbox.markDirty(actor.platformId(), actor.courseId(), learner.userId(), bloc.code());
            }
            if (activityColumn) {
                outbox.markDirty(actor.platformId(), actor.courseId(), learner.userId(), ActivityColumn.CODE);
            }
        }
        return learners.size() * (referentiel.blocs().size() + (activityColumn ? 1 : 0));
    }

    /** Sends failed rows again now (all of the course, or one learner's bloc). */
    public int retryNow(Actor actor, String learnerSub, String blocCode) {
        requireEvaluator(actor);
        Long learnerId = null;
        if (learnerSub != null) {
            var learner = members.learner(actor.courseId(), learnerSub);
            if (learner.isEmpty()) {
                return 0;
            }
            learnerId = learner.get().userId();
        }
        return outbox.retryFailed(actor.courseId(), learnerId, blocCode);
    }

    @Transactional
    public void setShowProgress(Actor actor, boolean show) {
        requireEvaluator(actor);
        courses.setShowProgressInGradebook(actor.courseId(), show);
        syncCourseNow(actor);
    }

    /** Reads the roster now (on demand). @return learners read, -1 when the platform offers no roster service */
    public int refreshRoster(Actor actor) {
        requireEvaluator(actor);
        return rosterSync.sync(actor.courseId());
    }

    private record LineItemUrl(String blocCode, String url) {}

    /** What the gradebook holds, read back through the AGS results service: score /100 by learner and bloc. */
    public Map<SyncRow.LearnerBloc, BigDecimal> readBack(Actor actor) {
        requireEvaluator(actor);
        var platform = platforms.findById(actor.platformId()).orElseThrow();
        var items = jdbc.sql("select bloc_code, url from line_item where course_id = :c")
                .param("c", actor.courseId())
                .query(LineItemUrl.class)
                .list();
        Map<SyncRow.LearnerBloc, BigDecimal> held = new HashMap<>();
        for (LineItemUrl item : items) {
            PlatformHttp.forEachPage(
                    LineItems.subResource(item.url(), "results"),
                    1000,
                    page -> lineItems.call(platform, "GET", page, AgsResult.CONTAINER, null, null),
                    AgsResult[].class,
                    results -> {
                        for (AgsResult result : results) {
                            if (result.userId() != null && result.resultScore() != null) {
                                held.put(new SyncRow.LearnerBloc(result.userId(), item.blocCode()), result.percent());
                            }
                        }
                    });
        }
        return held;
    }

    /** The latest grade-sync error of each platform, for the tool's administrator. */
    public Map<Long, String> lastErrorByPlatform() {
        return outbox.lastErrorByPlatform();
    }

    /** After a trainer's launch: the roster (at most every few minutes) and the gradebook columns, off the request. */
    @EventListener
    void onCourseLaunched(CourseLaunched launched) {
        if (launched.role() != ToolRole.EVALUATOR || !properties.enabled()) {
            return;
        }
        // The queued run reads the course when it starts, so it covers this launch too (a burst of launches in one
        // course at a term start costs one run, not one per launch).
        if (!queued.add(launched.courseId())) {
            return;
        }
        try {
            background.execute(() -> {
                queued.remove(launched.courseId());
                courseServices(launched);
            });
        } catch (TaskRejectedException busy) {
            queued.remove(launched.courseId());
            log.warn("Course services after launch of course {} skipped: too many waiting", launched.courseId());
        }
    }

    private void courseServices(CourseLaunched launched) {
        try {
            courses.find(launched.courseId())
                    .map(this::unavailableServices)
                    .orElse(List.of())
                    .forEach(u -> log.warn(
                            "Launch of course {} named the {} service at {}: ignored, {}",
                            launched.courseId(),
                            u.service(),
                            u.url(),
                            u.reason()));
            Instant synced = roster.syncedAt(launched.courseId()).orElse(null);
            if (synced == null || synced.isBefore(clock.instant().minus(properties.rosterCacheFor()))) {
                rosterSync.sync(launched.courseId());
            }
            platforms.findById(launched.platformId()).ifPresent(p -> {
                lineItems.ensure(p, launched.courseId());
                outbox.retryRefusedForMissingColumn(launched.courseId());
                if (courses.hasActivityColumn(launched.courseId())) {
                    // A column that appeared after judgments were sent (grades turned on in the activity later).
                    outbox.addActivityRows(launched.courseId(), ActivityColumn.CODE);
                }
            });
        } catch (RuntimeException e) {
            log.warn("Course services after launch of course {} failed: {}", launched.courseId(), e.getMessage());
        }
    }

    private static void requireEvaluator(Actor actor) {
        if (!actor.hasCourse() || !actor.isEvaluator()) {
            throw new AccessDeniedException("Only the course's evaluators manage grade sync");
        }
    }

    private static long count(List<SyncRow> rows, OutboxStatus status) {
        return rows.stream().filter(r -> r.delivery().status() == status).count();
    }

    @Override
    public void destroy() {
        background.shutdown();
    }
}
