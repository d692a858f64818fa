package fr.cqpi.gradesync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import fr.cqpi.lti.PlatformDefinition;
import fr.cqpi.lti.PlatformRegistry;
import fr.cqpi.support.TestApplications;
import fr.cqpi.support.TestPlatform;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 10,000 learners × 4 blocs of score changes delivered to an LMS that answers in 20 ms
 * ({@code mvn -Pbenchmark verify -Dbenchmark.main=fr.cqpi.gradesync.GradeSyncBenchmark}): time until the last
 * score arrives, scores per second, requests in flight, memory. Appends to target/benchmarks.md.
 */
public final class GradeSyncBenchmark {

    public static void main(String[] args) throws Exception {
        int learners = Integer.getInteger("learners", 10_000);
        WireMockServer lms = new WireMockServer(options()
                .dynamicPort()
                .containerThreads(300)
                .jettyAcceptors(4)
                .asynchronousResponseEnabled(true)
                .asynchronousResponseThreads(100)
                .disableRequestJournal());
        lms.start();
        lms.stubFor(post(urlPathEqualTo("/token")).willReturn(okJson("{\"access_token\":\"t\",\"expires_in\":3600}")));
        lms.stubFor(post(urlPathMatching("/items/.*/scores"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(20)));
        Path data = Files.createTempDirectory("cqpi-bench-sync");
        ConfigurableApplicationContext app = TestApplications.start(Map.of(
                "cqpi.embedded-db.dir",
                data.resolve("pg").toString(),
                "cqpi.embedded-db.delete-on-close",
                "true",
                "logging.level.fr.cqpi",
                "WARN",
                "cqpi.gradesync.poll-interval",
                "100ms",
                "cqpi.gradesync.max-concurrency",
                System.getProperty("maxConcurrency", "32"),
                "cqpi.gradesync.batch-size",
                System.getProperty("batchSize", "200")));
        try {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            PlatformRegistry registry = app.getBean(PlatformRegistry.class);
            TestPlatform platform =
                    new TestPlatform(lms, "https://bench-sync.example", "bench-sync", "d1").register(registry);
            registry.upsert(new PlatformDefinition(
                    "bench",
                    platform.issuer(),
                    "bench-sync",
                    List.of("d1"),
                    platform.platform().authorizationEndpoint(),
                    lms.baseUrl() + "/token",
                    platform.platform().jwksUri()));
            long platformId = platform.platform().id();
            long course = jdbc.sql("insert into course (platform_id, deployment_id, context_id, ags_lineitems) "
                            + "values (:p, 'd1', 'c', :u) returning id")
                    .param("p", platformId)
                    .param("u", lms.baseUrl() + "/items")
                    .query(Long.class)
                    .single();
            long link = jdbc.sql("insert into resource_link (course_id, link_id) values (:c, 'l') returning id")
                    .param("c", course)
                    .query(Long.class)
                    .single();
            jdbc.sql("""
                            insert into line_item (course_id, resource_link_id, bloc_code, url)
                            select :c, :l, b, :base || b from unnest(array['B1','B2','B3','B4']) b""")
                    .param("c", course)
                    .param("l", link)
                    .param("base", lms.baseUrl() + "/items/")
                    .update();
            jdbc.sql("insert into lti_user (platform_id, sub) select :p, 'learner-' || g from generate_series(1, :n) g")
                    .param("p", platformId)
                    .param("n", learners)
                    .update();
            jdbc.sql(
                            "insert into enrolment (course_id, user_id, tool_role) select :c, id, 'LEARNER' from lti_user where platform_id = :p")
                    .param("c", course)
                    .param("p", platformId)
                    .update();
            jdbc.sql("""
                            insert into judgment (course_id, learner_id, referentiel_code, criterion_code, status, version,
                                                  updated_by_sub, updated_at, evaluator_role, session_id)
                            select :c, u.id, 'cqpi-assistant', k, 'ACQUIS', 1, 'bench', now(), 'EVALUATEUR', :s
                            from lti_user u cross join unnest(array['C1.1','C4.1','C7.1','C9.1']) k where u.platform_id = :p""")
                    .param("c", course)
                    .param("p", platformId)
                    .param("s", fr.cqpi.support.TestCohorts.currentSession(jdbc, course))
                    .update();
            jdbc.sql("""
                            insert into grade_outbox (platform_id, course_id, learner_id, bloc_code, status, due_at)
                            select :p, :c, u.id, b, 'PENDING', now() + interval '1 day'
                            from lti_user u cross join unnest(array['B1','B2','B3','B4']) b where u.platform_id = :p""").param("p", platformId).param("c", course).update();
            int total = learners * 4;
            OutboxWorker worker = app.getBean(OutboxWorker.class);
            System.gc();
            long heapBefore = usedHeap();

            long start = System.nanoTime();
            jdbc.sql("update grade_outbox set due_at = now()").update();
            int peakInFlight = 0;
            long peakHeap = heapBefore;
            long sent;
            do {
                Thread.sleep(200);
                sent = jdbc.sql("select count(*) from grade_outbox where status = 'SENT'")
                        .query(Long.class)
                        .single();
                for (int[] lane : worker.lanesState().values()) {
                    peakInFlight = Math.max(peakInFlight, lane[2]);
                }
                peakHeap = Math.max(peakHeap, usedHeap());
            } while (sent < total && (System.nanoTime() - start) < 600_000_000_000L);
            double seconds = (System.nanoTime() - start) / 1e9;
            int finalLimit = worker.lanesState().values().stream()
                    .mapToInt(l -> l[1])
                    .max()
                    .orElse(0);
            String report = String.format(
                    java.util.Locale.ROOT,
                    """

                    ### Grade sync: %,d learners × 4 blocs to an LMS answering in 20 ms

                    | Scores | Delivered | Seconds to the last score | Scores/s | Peak requests in flight | Final limit | Heap used before / peak (MiB) |
                    | --- | --- | --- | --- | --- | --- | --- |
                    | %d | %d | %.1f | %.0f | %d | %d | %d / %d |
                    """,
                    learners,
                    total,
                    sent,
                    seconds,
                    sent / seconds,
                    peakInFlight,
                    finalLimit,
                    heapBefore / (1024 * 1024),
                    peakHeap / (1024 * 1024));
            System.out.println(report);
            Files.createDirectories(Path.of("target"));
            Files.writeString(
                    Path.of("target/benchmarks-gradesync.md"),
                    "Machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                            + System.getProperty("java.version") + "\n" + report);
        } finally {
            app.close();
            lms.stop();
        }
        System.exit(0);
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
