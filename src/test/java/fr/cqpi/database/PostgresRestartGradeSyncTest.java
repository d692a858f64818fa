package fr.cqpi.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.cqpi.evaluation.EvaluationQueries;
import fr.cqpi.evaluation.Results;
import fr.cqpi.support.AgsCourse;
import fr.cqpi.support.LtiClient;
import fr.cqpi.support.SharedWireMock;
import fr.cqpi.support.TestApplications;
import fr.cqpi.support.TestPlatform;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * PostgreSQL killed and started again while 16 trainers launch the tool from their LMS (full LTI launches) and judge,
 * with grade sync on: every failure is a 503, the tool serves again by itself, no acknowledged judgment is lost, and
 * every score reaches the gradebook exactly once. Exactly once, here: for each learner and bloc, the last score the
 * platform received is the tool's final result (the outbox row SENT with that state), and no score was POSTed twice
 * (no two POSTs of a learner's bloc carry the same timestamp; their timestamps strictly increase).
 */
class PostgresRestartGradeSyncTest {

    static final int CLIENTS = 16;
    static final List<String> CRITERIA = List.of("C1.1", "C4.1", "C7.1", "C9.1");
    static final List<String> STATUSES = List.of("EN_COURS", "ACQUIS", "NON_ACQUIS");

    @TempDir
    Path root;

    @Test
    void launchesAndJudgmentsSurviveTheRestartAndEveryScoreIsSentOnce() throws Exception {
        long started = System.nanoTime();
        try (ConfigurableApplicationContext app = TestApplications.start(Map.of(
                "cqpi.embedded-db.dir", root.resolve("pg").toString(),
                "cqpi.embedded-db.delete-on-close", "true",
                "cqpi.gradesync.claim-for", "10s"))) {
            BackupAndRestoreTest.Tool tool = new BackupAndRestoreTest.Tool(app);
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            List<String> learners = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                learners.add("l" + i);
            }
            AgsCourse course =
                    new AgsCourse(tool, SharedWireMock.get(), tool.registry(), learners.toArray(String[]::new));
            PostgresProcess postgres = new PostgresProcess(app.getBean(EmbeddedPostgresServer.class));

            // 16 trainers, one learner each: a launch from the LMS, a few judgments, a new launch, and so on.
            Map<String, String> acknowledged = new ConcurrentHashMap<>();
            List<String> failures = new CopyOnWriteArrayList<>();
            AtomicInteger launches = new AtomicInteger();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                String learner = learners.get(c);
                String trainer = "t" + c;
                clients.submit(() -> {
                    LtiClient client = new LtiClient(port);
                    Map<String, String> headers = null;
                    int n = 0;
                    while (running.get()) {
                        if (headers == null || n % 4 == 0) {
                            headers = launch(course, client, trainer, failures);
                            if (headers == null) {
                                Thread.sleep(100);
                                continue;
                            }
                            launches.incrementAndGet();
                        }
                        String criterion = CRITERIA.get(n % CRITERIA.size());
                        String status = STATUSES.get((n / CRITERIA.size()) % STATUSES.size());
                        n++;
                        HttpResponse<String> response = client.send(
                                "PUT",
                                "/api/v1/learners/" + learner + "/judgments/" + criterion,
                                "{\"status\":\"" + status + "\",\"modality\":\"ENTRETIEN\"}",
                                headers);
                        if (response.statusCode() == 200) {
                            acknowledged.put(learner + " " + criterion, status);
                        } else {
                            failures.add(response.statusCode() + " judgment " + response.body());
                        }
                        Thread.sleep(20);
                    }
                    return null;
                });
            }
            // Every trainer has launched and judged before the outage.
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> acknowledged.keySet().stream()
                                    .map(key -> key.split(" ")[0])
                                    .distinct()
                                    .count()
                            == CLIENTS);
            Thread.sleep(500);

            postgres.kill();
            long killedAt = System.nanoTime();
            Thread.sleep(1500);
            Process restarted = postgres.restart(root.resolve("restarted.log"));
            long restartedAt = System.nanoTime();
            long recoveredMillis = -1;
            while ((System.nanoTime() - restartedAt) < TimeUnit.SECONDS.toNanos(60)) {
                if (course.trainer.get("/api/v1/learners/l0/grid").statusCode() == 200) {
                    recoveredMillis = (System.nanoTime() - restartedAt) / 1_000_000;
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(recoveredMillis).as("the tool answers again within 60 s").isNotNegative();
            int launchesBeforeEnd = launches.get();
            Thread.sleep(2500);
            running.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            assertThat(launches.get()).as("launches went on after the restart").isGreaterThan(launchesBeforeEnd);

            // Every failure was a 503; every acknowledged judgment is stored as acknowledged.
            assertThat(failures).as("some requests met the outage").isNotEmpty();
            assertThat(failures).allSatisfy(failure -> assertThat(failure).startsWith("503 "));
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            for (var entry : acknowledged.entrySet()) {
                String[] key = entry.getKey().split(" ");
                String stored = jdbc.sql("""
                                select j.status from judgment j join lti_user u on u.id = j.learner_id
                                where u.sub = :learner and j.criterion_code = :criterion
                                and j.evaluator_role = 'EVALUATEUR'""")
                        .param("learner", key[0])
                        .param("criterion", key[1])
                        .query(String.class)
                        .single();
                assertThat(stored).as(entry.getKey()).isEqualTo(entry.getValue());
            }
            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(CLIENTS);

            // The outbox drains by itself: every row SENT with the current state.
            long courseId = jdbc.sql("""
                            select c.id from course c join platform p on p.id = c.platform_id
                            where p.client_id = :client""")
                    .param("client", course.platform.clientId())
                    .query(Long.class)
                    .single();
            long drainStart = System.nanoTime();
            await().atMost(Duration.ofSeconds(45))
                    .untilAsserted(() -> assertThat(jdbc.sql("""
                                    select count(*) from grade_outbox where course_id = :c
                                    and (status <> 'SENT' or sent_seq <> change_seq)""")
                                    .param("c", courseId)
                                    .query(Long.class)
                                    .single())
                            .isZero());
            long drainedMillis = (System.nanoTime() - drainStart) / 1_000_000;

            // Exactly once, from the platform's request journal.
            Map<String, Long> learnerIds = new HashMap<>();
            jdbc.sql("select sub, id from lti_user where sub like 'l%' and platform_id = :p")
                    .param("p", course.platform.platform().id())
                    .query(rs -> {
                        learnerIds.put(rs.getString(1), rs.getLong(2));
                    });
            Map<Long, Results> results = app.getBean(EvaluationQueries.class).resultsOf(courseId, learnerIds.values());
            int scoresPosted = 0;
            int blocsChecked = 0;
            for (String learner : learners) {
                for (int b = 1; b <= 4; b++) {
                    String bloc = "B" + b;
                    List<JsonNode> scores = course.scores(learner, b);
                    scoresPosted += scores.size();
                    Results.BlocResult result =
                            results.get(learnerIds.get(learner)).bloc(bloc).orElseThrow();
                    Map<String, Object> row = jdbc
                            .sql("""
                                    select o.sent_score, o.sent_state, o.score_timestamp from grade_outbox o
                                    where o.course_id = :c and o.learner_id = :l and o.bloc_code = :b""")
                            .param("c", courseId)
                            .param("l", learnerIds.get(learner))
                            .param("b", bloc)
                            .query()
                            .listOfRows()
                            .stream()
                            .findFirst()
                            .orElse(null);
                    if (row == null) {
                        assertThat(scores)
                                .as(learner + " " + bloc + " never judged")
                                .isEmpty();
                        continue;
                    }
                    blocsChecked++;
                    assertThat(scores).as(learner + " " + bloc).isNotEmpty();
                    JsonNode last = scores.get(scores.size() - 1);
                    assertThat(new BigDecimal(last.get("scoreGiven").asText()))
                            .as(learner + " " + bloc + " last score is the final result")
                            .isEqualByComparingTo(result.score());
                    assertThat(new BigDecimal(row.get("sent_score").toString())).isEqualByComparingTo(result.score());
                    assertThat(row.get("sent_state")).isEqualTo(result.state().name());
                    assertThat(Instant.parse(last.get("timestamp").asText()))
                            .isEqualTo(((Timestamp) row.get("score_timestamp")).toInstant());
                    Set<String> timestamps = new HashSet<>();
                    Instant previous = Instant.MIN;
                    for (JsonNode score : scores) {
                        Instant at = Instant.parse(score.get("timestamp").asText());
                        assertThat(timestamps.add(score.get("timestamp").asText()))
                                .as(learner + " " + bloc + " posted twice at " + at)
                                .isTrue();
                        assertThat(at).as(learner + " " + bloc).isAfter(previous);
                        previous = at;
                    }
                }
            }
            assertThat(blocsChecked).isGreaterThanOrEqualTo(CLIENTS);
            long failed503 = failures.size();
            String measure = String.format(
                    "PostgreSQL kill -9 and restart with grade sync: %d clients launching and judging, %d launches,"
                            + " %d requests answered 503 (%d ms from the kill to the restart), tool serving again %d ms"
                            + " after PostgreSQL was started, outbox drained %d ms after the clients stopped,"
                            + " %d judged criteria stored as acknowledged, %d scores POSTed for %d learner blocs, none"
                            + " twice, each bloc's last score its final result; test ran %d s",
                    CLIENTS,
                    launches.get(),
                    failed503,
                    (restartedAt - killedAt) / 1_000_000,
                    recoveredMillis,
                    drainedMillis,
                    acknowledged.size(),
                    scoresPosted,
                    blocsChecked,
                    (System.nanoTime() - started) / 1_000_000_000);
            System.out.println(measure);
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "postgres-restart-grade-sync.txt"), measure + "\n");
            assertThat(restarted.isAlive()).isTrue();
        }
    }

    /** A trainer's launch from the LMS and the page's CSRF headers, or null (the failure recorded) if it failed. */
    static Map<String, String> launch(AgsCourse course, LtiClient client, String trainer, List<String> failures) {
        try {
            HttpResponse<String> launched = course.launch(client, trainer, TestPlatform.INSTRUCTOR);
            if (launched.statusCode() != 302) {
                failures.add(launched.statusCode() + " launch " + launched.body());
                return null;
            }
            HttpResponse<String> page = client.get("/app");
            if (page.statusCode() != 200) {
                failures.add(page.statusCode() + " page " + page.body());
                return null;
            }
            Map<String, String> headers = new HashMap<>(client.csrfHeaders(page.body()));
            headers.put("Content-Type", "application/json");
            headers.put("Accept", "application/json");
            return headers;
        } catch (AssertionError | RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            failures.add((message.startsWith("login initiation answered 503") ? "503 " : "") + "launch " + e);
            return null;
        }
    }
}
