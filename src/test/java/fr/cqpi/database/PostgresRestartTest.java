package fr.cqpi.database;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.AgsCourse;
import fr.cqpi.support.SharedWireMock;
import fr.cqpi.support.TestApplications;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL killed ({@code kill -9} on the embedded server's postmaster) and started again while trainers judge:
 * during the outage every request gets a 503 with a short message (never a 500 or a stack trace); afterwards the tool
 * serves again by itself (the pool reconnects) and every judgment that was acknowledged is in the database.
 */
class PostgresRestartTest {

    static final int CLIENTS = 8;
    static final List<String> STATUSES = List.of("EN_COURS", "ACQUIS", "NON_ACQUIS");

    @TempDir
    Path root;

    @Test
    void requestsDuringTheOutageGet503AndNothingAcknowledgedIsLost() throws Exception {
        try (ConfigurableApplicationContext app = TestApplications.start(Map.of(
                "cqpi.embedded-db.dir", root.resolve("pg").toString(),
                "cqpi.embedded-db.delete-on-close", "true",
                "cqpi.gradesync.enabled", "false"))) {
            BackupAndRestoreTest.Tool tool = new BackupAndRestoreTest.Tool(app);
            List<String> learners = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                learners.add("l" + i);
            }
            AgsCourse course =
                    new AgsCourse(tool, SharedWireMock.get(), tool.registry(), learners.toArray(String[]::new));
            PostgresProcess postgres = new PostgresProcess(app.getBean(EmbeddedPostgresServer.class));

            // Trainers judge, one learner each, all along; what is acknowledged (200) is recorded.
            Map<String, String> acknowledged = new ConcurrentHashMap<>();
            List<String> others = new CopyOnWriteArrayList<>();
            AtomicBoolean judging = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (String learner : learners) {
                clients.submit(() -> {
                    int n = 0;
                    while (judging.get()) {
                        String criterion = "C1." + (1 + n % 4);
                        String status = STATUSES.get(n % STATUSES.size());
                        n++;
                        HttpResponse<String> response = course.trainer.send(
                                "PUT",
                                "/api/v1/learners/" + learner + "/judgments/" + criterion,
                                "{\"status\":\"" + status + "\",\"modality\":\"ENTRETIEN\"}",
                                course.trainerHeaders);
                        if (response.statusCode() == 200) {
                            acknowledged.put(learner + " " + criterion, status);
                        } else {
                            others.add(response.statusCode() + " " + response.body());
                        }
                        Thread.sleep(20);
                    }
                    return null;
                });
            }
            Thread.sleep(1500);

            postgres.kill();
            long killedAt = System.nanoTime();
            Thread.sleep(1000);

            // During the outage: a 503 and a message, for the API and for a page.
            HttpResponse<String> api = course.trainer.get("/api/v1/learners/l0/grid");
            assertThat(api.statusCode()).as(api.body()).isEqualTo(503);
            assertThat(api.headers().firstValue("Retry-After")).contains("5");
            assertThat(api.body())
                    .contains("database_unavailable")
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ");
            HttpResponse<String> page = course.trainer.get("/app/learners/l0");
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.body())
                    .contains("Service momentanément indisponible")
                    .doesNotContain("Exception");
            long outageMillis = (System.nanoTime() - killedAt) / 1_000_000;

            // PostgreSQL started again as it ran (crash recovery from its WAL); the tool serves again by itself.
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
            Thread.sleep(1500);
            judging.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

            // Every failure was a 503; every acknowledged judgment is stored as acknowledged.
            assertThat(others).allSatisfy(other -> assertThat(other).startsWith("503 "));
            assertThat(others).as("some requests met the outage").isNotEmpty();
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(CLIENTS);
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
            String measure = String.format(
                    "PostgreSQL kill -9 and restart: %d clients judging, %d requests answered 503 during the outage"
                            + " (%d ms observed before the restart), tool serving again %d ms after PostgreSQL was"
                            + " started, %d judged criteria stored with their last acknowledged status",
                    CLIENTS, others.size(), outageMillis, recoveredMillis, acknowledged.size());
            System.out.println(measure);
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "postgres-restart.txt"), measure + "\n");
            assertThat(restarted.isAlive()).isTrue();
        }
    }
}
