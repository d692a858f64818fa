package fr.cqpi.bench;

import static fr.cqpi.support.TestPlatform.INSTRUCTOR;

import fr.cqpi.lti.PlatformRegistry;
import fr.cqpi.support.LtiClient;
import fr.cqpi.support.SharedWireMock;
import fr.cqpi.support.TestApplications;
import fr.cqpi.support.TestCohorts;
import fr.cqpi.support.TestPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmarks of the running tool over real HTTP and a real PostgreSQL (run with {@code mvn -Pbenchmark verify}):
 * full LTI launches at 1, 16 and 64 clients, then the cohort page (30 learners × 80 criteria), the grid
 * page and a judgment save at 16 clients. Writes target/benchmarks.md.
 */
public final class ToolBenchmark {

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("cqpi-bench");
        ConfigurableApplicationContext app = TestApplications.start(Map.of(
                "cqpi.embedded-db.dir",
                data.resolve("pg").toString(),
                "cqpi.embedded-db.delete-on-close",
                "true",
                "spring.datasource.hikari.maximum-pool-size",
                "30",
                "server.tomcat.threads.max",
                "100",
                "logging.level.fr.cqpi",
                "WARN"));
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        TestPlatform platform = new TestPlatform(
                        SharedWireMock.get(), "https://bench.lms.example", "bench-client", "d1")
                .register(app.getBean(PlatformRegistry.class));
        List<Bench.Result> results = new ArrayList<>();
        try {
            Bench.run("warm-up", 4, 50, c -> launch(port, platform, "warm-" + c));
            for (int clients : new int[] {1, 16, 64}) {
                int perClient = clients == 1 ? 200 : clients == 16 ? 40 : 15;
                results.add(Bench.run(
                        "full launch (login + id_token + first page)",
                        clients,
                        perClient,
                        c -> launch(port, platform, "teacher-" + c)));
            }

            LtiClient[] trainers = new LtiClient[16];
            for (int i = 0; i < trainers.length; i++) {
                trainers[i] = new LtiClient(port);
                trainers[i].launch(
                        platform,
                        "trainer-" + i,
                        n -> platform.moodleLaunch("trainer-bench", INSTRUCTOR, n, "bench-course"));
            }
            long courseId = jdbc.sql("select id from course where platform_id = :p and context_id = 'bench-course'")
                    .param("p", platform.platform().id())
                    .query(Long.class)
                    .single();
            TestCohorts.addJudgedLearners(jdbc, platform.platform().id(), courseId, "bench-learner-", 0, 30);
            List<Map<String, String>> csrf = new ArrayList<>();
            for (LtiClient trainer : trainers) {
                Map<String, String> headers = new java.util.HashMap<>(
                        trainer.csrfHeaders(trainer.get("/app").body()));
                headers.put("Content-Type", "application/json");
                csrf.add(headers);
            }
            Bench.run("warm-up", 16, 10, c -> trainers[c].get("/app/cohort"));
            results.add(Bench.run(
                    "cohort page, 30 learners × 80 criteria",
                    16,
                    40,
                    c -> expect(200, trainers[c].get("/app/cohort"))));
            results.add(Bench.run(
                    "grid page (80 criteria)",
                    16,
                    40,
                    c -> expect(200, trainers[c].get("/app/learners/bench-learner-" + (c % 30)))));
            String[] statuses = {"ACQUIS", "EN_COURS", "NON_ACQUIS"};
            int[] counter = new int[1];
            results.add(Bench.run("judgment save (PUT API)", 16, 40, c -> {
                int k;
                synchronized (counter) {
                    k = counter[0]++;
                }
                expect(
                        200,
                        trainers[c].send(
                                "PUT",
                                "/api/v1/learners/bench-learner-" + (k % 30) + "/judgments/C" + (1 + k % 9) + ".1",
                                "{\"status\":\"" + statuses[k % 3] + "\",\"modality\":\"ENTRETIEN\"}",
                                csrf.get(c)));
            }));
        } finally {
            app.close();
        }
        StringBuilder report = new StringBuilder("Machine: " + Bench.machine() + "\n\n" + Bench.HEADER + "\n");
        results.forEach(r -> report.append(r.row()).append('\n'));
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/benchmarks.md"), report.toString());
        System.exit(0);
    }

    private static void launch(int port, TestPlatform platform, String sub) {
        LtiClient client = new LtiClient(port);
        expect(
                302,
                client.launch(platform, sub, n -> platform.moodleLaunch(sub, INSTRUCTOR, n, "bench-launch-course")));
        expect(200, client.get("/app"));
    }

    private static void expect(int status, java.net.http.HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("HTTP " + response.statusCode());
        }
    }
}
