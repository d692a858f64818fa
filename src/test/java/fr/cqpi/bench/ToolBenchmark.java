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
        List<String> cpu = new ArrayList<>();
        Path postgresData = data.resolve("pg");
        boolean onlyLaunches = "launches".equals(System.getProperty("benchmark.only"));
        String jfr = System.getProperty("benchmark.jfr", "none");
        jfr = "none".equals(jfr) ? null : jfr;
        try {
            // One tab per client, reused: each launch starts from an empty cookie jar and sessionStorage (a new
            // browser profile), over the client's kept-alive connections.
            LtiClient[] tabs = new LtiClient[64];
            LtiClient[] cookielessTabs = new LtiClient[64];
            for (int i = 0; i < tabs.length; i++) {
                tabs[i] = new LtiClient(port);
                cookielessTabs[i] = LtiClient.withoutCookies(port);
            }
            Bench.run("warm-up", 4, 100, c -> launch(tabs[c], platform, "warm-" + c));
            Bench.run("warm-up", 4, 50, c -> cookielessLaunch(cookielessTabs[c], platform, "warm-" + c));
            for (int clients : new int[] {1, 16, 64}) {
                int perClient = clients == 1 ? 300 : clients == 16 ? 120 : 40;
                jdk.jfr.Recording recording = null;
                if (jfr != null && clients == 16) {
                    recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
                    recording.start();
                }
                CpuMeter meter = CpuMeter.start(postgresData);
                Bench.Result result = Bench.run(
                        "full launch (login + id_token + first page)",
                        clients,
                        perClient,
                        c -> launch(tabs[c], platform, "teacher-" + c));
                cpu.add(cpuRow(result, meter.stop()));
                results.add(result);
                if (recording != null) {
                    recording.stop();
                    recording.dump(Path.of(jfr));
                    recording.close();
                }
            }
            CpuMeter cookielessMeter = CpuMeter.start(postgresData);
            Bench.Result cookieless = Bench.run(
                    "full launch without cookies (login step + id_token + handover page)",
                    16,
                    120,
                    c -> cookielessLaunch(cookielessTabs[c], platform, "teacher-" + c));
            cpu.add(cpuRow(cookieless, cookielessMeter.stop()));
            results.add(cookieless);
            if (!onlyLaunches) {
                others(app, jdbc, platform, results);
            }

        } finally {
            app.close();
            StringBuilder report = new StringBuilder("Machine: " + Bench.machine() + "\n\n" + Bench.HEADER + "\n");
            results.forEach(r -> report.append(r.row()).append('\n'));
            report.append("\n| Launches | Clients | Tool CPU ms per launch | Load generator CPU ms per launch"
                    + " | PostgreSQL CPU ms per launch |\n| --- | --- | --- | --- | --- |\n");
            cpu.forEach(row -> report.append(row).append('\n'));
            System.out.println(report);
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/benchmarks.md"), report.toString());
        }
        System.exit(0);
    }

    /** The cohort page, the grid page and a judgment save, at 16 trainers with their own sessions. */
    private static void others(
            ConfigurableApplicationContext app, JdbcClient jdbc, TestPlatform platform, List<Bench.Result> results)
            throws Exception {
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
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
                "cohort page, 30 learners × 80 criteria", 16, 40, c -> expect(200, trainers[c].get("/app/cohort"))));
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
    }

    private static String cpuRow(Bench.Result result, CpuMeter.Split split) {
        double n = Math.max(1, result.operations() + result.errors());
        return String.format(
                java.util.Locale.ROOT,
                "| %s | %d | %.2f | %.2f | %.2f |",
                result.name(),
                result.clients(),
                split.toolMs() / n,
                split.clientMs() / n,
                split.postgresMs() / n);
    }

    /** A trainer's launch from the course's one activity (one resource link, as in Moodle). */
    private static Map<String, Object> courseLaunch(TestPlatform platform, String sub, String nonce) {
        Map<String, Object> claims = platform.moodleLaunch(sub, INSTRUCTOR, nonce, "bench-launch-course");
        claims.put(TestPlatform.LTI + "resource_link", Map.of("id", "bench-activity", "title", "Grille CQPI"));
        return claims;
    }

    private static void launch(LtiClient tab, TestPlatform platform, String sub) {
        tab.forgetEverything();
        expect(302, tab.launch(platform, sub, n -> courseLaunch(platform, sub, n)));
        expect(200, tab.get("/app"));
    }

    /** A tab that keeps no cookie: login step page, id_token, handover page posting its code, first page. */
    private static void cookielessLaunch(LtiClient tab, TestPlatform platform, String sub) {
        tab.forgetEverything();
        var page = tab.launch(platform, sub, n -> courseLaunch(platform, sub, n));
        expect(200, page);
        if (LtiClient.sessionToken(page.body()).isEmpty()) {
            throw new IllegalStateException("first page without its session");
        }
    }

    private static void expect(int status, java.net.http.HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("HTTP " + response.statusCode());
        }
    }
}
