package fr.cqpi.bench;

import static fr.cqpi.support.TestPlatform.INSTRUCTOR;

import fr.cqpi.lti.PlatformRegistry;
import fr.cqpi.support.LtiClient;
import fr.cqpi.support.SharedWireMock;
import fr.cqpi.support.TestApplications;
import fr.cqpi.support.TestCohorts;
import fr.cqpi.support.TestPlatform;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The exports of a cohort of 500 learners × 80 judgments (40,000 rows), downloaded whole over real HTTP: five
 * times each after a warm-up, wall time from the request to the last byte. Run with
 * {@code mvn -Pbenchmark verify -Dbenchmark.main=fr.cqpi.bench.ExportBenchmark}; writes target/export-benchmark.md.
 */
public final class ExportBenchmark {

    private static final int LEARNERS = 500;
    private static final int RUNS = 5;

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("cqpi-export-bench");
        ConfigurableApplicationContext app = TestApplications.start(Map.of(
                "cqpi.embedded-db.dir",
                data.resolve("pg").toString(),
                "cqpi.embedded-db.delete-on-close",
                "true",
                "logging.level.fr.cqpi",
                "WARN"));
        StringBuilder report = new StringBuilder("Machine: " + Bench.machine() + "\n\n"
                + "| export (" + LEARNERS + " learners × 80 criteria) | bytes | min ms | median ms | max ms |\n"
                + "|---|---:|---:|---:|---:|\n");
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            TestPlatform platform = new TestPlatform(
                            SharedWireMock.get(), "https://bench.lms.example", "bench-client", "d1")
                    .register(app.getBean(PlatformRegistry.class));
            LtiClient trainer = new LtiClient(port);
            trainer.launch(platform, "trainer", n -> platform.moodleLaunch("trainer", INSTRUCTOR, n, "export-course"));
            long courseId = jdbc.sql("select id from course where platform_id = :p and context_id = 'export-course'")
                    .param("p", platform.platform().id())
                    .query(Long.class)
                    .single();
            TestCohorts.addJudgedLearners(jdbc, platform.platform().id(), courseId, "learner-", 0, LEARNERS);
            for (String file : List.of("cohort.csv", "cohort.xlsx", "judgments.csv", "judgments.xlsx")) {
                download(trainer, file);
                long[] millis = new long[RUNS];
                int bytes = 0;
                for (int i = 0; i < RUNS; i++) {
                    long start = System.nanoTime();
                    bytes = download(trainer, file);
                    millis[i] = (System.nanoTime() - start) / 1_000_000;
                }
                Arrays.sort(millis);
                report.append("| ")
                        .append(file)
                        .append(" | ")
                        .append(bytes)
                        .append(" | ")
                        .append(millis[0])
                        .append(" | ")
                        .append(millis[RUNS / 2])
                        .append(" | ")
                        .append(millis[RUNS - 1])
                        .append(" |\n");
            }
        } finally {
            app.close();
        }
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/export-benchmark.md"), report.toString());
        System.exit(0);
    }

    private static int download(LtiClient trainer, String file) {
        HttpResponse<byte[]> response = trainer.getBytes("/app/exports/" + file);
        if (response.statusCode() != 200 || response.body().length < 1000) {
            throw new IllegalStateException(file + ": HTTP " + response.statusCode());
        }
        return response.body().length;
    }

    private ExportBenchmark() {}
}
