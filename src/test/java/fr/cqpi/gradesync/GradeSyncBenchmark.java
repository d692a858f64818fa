package fr.cqpi.gradesync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.sun.management.OperatingSystemMXBean;
import fr.cqpi.lti.PlatformDefinition;
import fr.cqpi.lti.PlatformRegistry;
import fr.cqpi.support.TestApplications;
import fr.cqpi.support.TestCohorts;
import fr.cqpi.support.TestPlatform;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Grade sync at scale ({@code mvn -Pbenchmark verify -Dbenchmark.main=fr.cqpi.gradesync.GradeSyncBenchmark},
 * {@code -Dbenchmark.only=one|two} for one scenario, {@code -Dbenchmark.jfr=FILE} to record the first one,
 * {@code -Dbenchmark.maxSeconds} to stop waiting earlier than 600 s): 10,000
 * learners × 4 blocs delivered to an LMS answering in 20 ms, alone, then beside a second LMS answering in 2 s with
 * scores of its own. Time until the fast platform's last score, scores per second, peak requests in flight per
 * platform, and where the CPU went (the tool's threads, WireMock's, PostgreSQL's processes). Writes
 * target/benchmarks-gradesync.md.
 */
public final class GradeSyncBenchmark {

    private static final int LEARNERS = Integer.getInteger("learners", 10_000);
    private static final int SLOW_LEARNERS = Integer.getInteger("slowLearners", 1_000);
    private static final long MAX_NANOS = Integer.getInteger("benchmark.maxSeconds", 600) * 1_000_000_000L;

    public static void main(String[] args) throws Exception {
        String only = System.getProperty("benchmark.only", "all");
        String jfr = System.getProperty("benchmark.jfr", "none");
        StringBuilder report = new StringBuilder("Machine: "
                + Runtime.getRuntime().availableProcessors()
                + " cores, Java " + System.getProperty("java.version") + ", max in flight "
                + System.getProperty("maxConcurrency", "32") + ", batch " + System.getProperty("batchSize", "200")
                + "\n");
        if (!only.equals("two")) {
            report.append(run(false, "none".equals(jfr) ? null : Path.of(jfr)));
        }
        if (!only.equals("one")) {
            report.append(run(true, null));
        }
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/benchmarks-gradesync.md"), report);
        System.exit(0);
    }

    private static WireMockServer lms(int delayMillis) {
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
                .willReturn(aResponse().withStatus(200).withFixedDelay(delayMillis)));
        return lms;
    }

    private static String run(boolean withSlowPlatform, Path jfr) throws Exception {
        WireMockServer fastLms = lms(20);
        WireMockServer slowLms = withSlowPlatform ? lms(2000) : null;
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
                // The production timeout, not the tests' 2 s: the slow platform answers in 2 s.
                "cqpi.gradesync.request-timeout",
                "10s",
                "cqpi.gradesync.max-concurrency",
                System.getProperty("maxConcurrency", "32"),
                "cqpi.gradesync.batch-size",
                System.getProperty("batchSize", "200")));
        try {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            PlatformRegistry registry = app.getBean(PlatformRegistry.class);
            long fast = seed(jdbc, registry, fastLms, "fast", LEARNERS);
            long slow = withSlowPlatform ? seed(jdbc, registry, slowLms, "slow", SLOW_LEARNERS) : -1;
            int total = LEARNERS * 4;
            OutboxWorker worker = app.getBean(OutboxWorker.class);
            Thread.sleep(1500); // PostgreSQL publishes a connection's table statistics within a second
            System.gc();
            long heapBefore = usedHeap();
            jdk.jfr.Recording recording = null;
            if (jfr != null) {
                recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
                recording.start();
            }
            CpuUse cpu = new CpuUse(data.resolve("pg").toString());
            long commitsBefore = commits(jdbc);
            Map<String, long[]> tablesBefore = tableStats(jdbc);

            long start = System.nanoTime();
            // The slow platform's scores are due first: the worst case for the fast one behind them.
            jdbc.sql("update grade_outbox set due_at = now() - case when platform_id = :slow then interval '1 second'"
                            + " else interval '0 seconds' end")
                    .param("slow", slow)
                    .update();
            long peakHeap = heapBefore;
            Map<Long, Long> sent;
            boolean explained = !Boolean.getBoolean("benchmark.explain");
            do {
                if (!explained && System.nanoTime() - start > 5_000_000_000L) {
                    explained = true;
                    explain(jdbc, fast);
                }
                Thread.sleep(200);
                sent = sentByPlatform(jdbc);
                peakHeap = Math.max(peakHeap, usedHeap());
                cpu.sample();
            } while (sent.getOrDefault(fast, 0L) < total && (System.nanoTime() - start) < MAX_NANOS);
            double seconds = (System.nanoTime() - start) / 1e9;
            cpu.sample();
            long commits = commits(jdbc) - commitsBefore;
            Map<String, long[]> tablesAfter = tableStats(jdbc);
            if (recording != null) {
                recording.stop();
                recording.dump(jfr);
            }
            Map<Long, int[]> lanes = worker.lanesState();
            long fastSent = sent.getOrDefault(fast, 0L);
            int[] fastLane = lanes.getOrDefault(fast, new int[3]);
            StringBuilder out = new StringBuilder(String.format(
                    Locale.ROOT,
                    """

                    ### Grade sync: %,d learners × 4 blocs to an LMS answering in 20 ms%s

                    | Platform | Scores | Delivered | Seconds to the fast platform's last score | Scores/s | Peak requests in flight | Final limit |
                    | --- | --- | --- | --- | --- | --- | --- |
                    | fast (20 ms) | %d | %d | %.1f%s | %.0f | %d | %d |
                    """,
                    LEARNERS,
                    withSlowPlatform
                            ? String.format(
                                    Locale.ROOT,
                                    ", beside an LMS answering in 2 s (%,d learners × 4 blocs)",
                                    SLOW_LEARNERS)
                            : "",
                    total,
                    fastSent,
                    seconds,
                    fastSent < total ? " (stopped waiting)" : "",
                    fastSent / seconds,
                    fastLane[2],
                    fastLane[1]));
            if (withSlowPlatform) {
                long slowSent = sent.getOrDefault(slow, 0L);
                int[] lane = lanes.getOrDefault(slow, new int[3]);
                out.append(String.format(
                        Locale.ROOT,
                        "| slow (2 s) | %d | %d | (still sending) | %.1f | %d | %d |%n",
                        SLOW_LEARNERS * 4,
                        slowSent,
                        slowSent / seconds,
                        lane[2],
                        lane[1]));
            }
            out.append(String.format(
                    Locale.ROOT,
                    "%nHeap used before / peak: %d / %d MiB; database transactions per delivered score: %.2f%n",
                    heapBefore / (1024 * 1024),
                    peakHeap / (1024 * 1024),
                    commits
                            / (double) Math.max(
                                    1,
                                    sent.values().stream()
                                            .mapToLong(Long::longValue)
                                            .sum())));
            out.append(cpu.report(seconds));
            out.append("\n| Table | seq scans | rows read by seq scans | index scans | rows fetched by index |"
                    + " rows updated | autovacuums |\n| --- | --- | --- | --- | --- | --- | --- |\n");
            tablesAfter.forEach((table, after) -> {
                long[] before = tablesBefore.getOrDefault(table, new long[after.length]);
                StringBuilder line = new StringBuilder("| " + table + " |");
                long changed = 0;
                for (int i = 0; i < after.length; i++) {
                    line.append(String.format(Locale.ROOT, " %,d |", after[i] - before[i]));
                    changed += after[i] - before[i];
                }
                if (changed > 0) {
                    out.append(line).append('\n');
                }
            });
            return out.toString();
        } finally {
            app.close();
            fastLms.stop();
            if (slowLms != null) {
                slowLms.stop();
            }
        }
    }

    /** A platform on this LMS with a course of four bloc columns and {@code learners} learners' blocs waiting. */
    private static long seed(
            JdbcClient jdbc, PlatformRegistry registry, WireMockServer lms, String name, int learners) {
        TestPlatform platform =
                new TestPlatform(lms, "https://bench-" + name + ".example", "bench-" + name, "d1").register(registry);
        registry.upsert(new PlatformDefinition(
                "bench " + name,
                platform.issuer(),
                "bench-" + name,
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
                .param("s", TestCohorts.currentSession(jdbc, course))
                .update();
        jdbc.sql("""
                        insert into grade_outbox (platform_id, course_id, learner_id, bloc_code, status, due_at)
                        select :p, :c, u.id, b, 'PENDING', now() + interval '1 day'
                        from lti_user u cross join unnest(array['B1','B2','B3','B4']) b where u.platform_id = :p""").param("p", platformId).param("c", course).update();
        return platformId;
    }

    /** The plans of the claim's statements while the outbox drains ({@code -Dbenchmark.explain=true}). */
    private static void explain(JdbcClient jdbc, long platform) {
        for (String sql : List.of(
                "select id from grade_outbox where platform_id = " + platform
                        + " and status = 'PENDING' and due_at <= now()"
                        + " and (claimed_until is null or claimed_until < now()) order by due_at limit 100",
                "select min(platform_id) from grade_outbox where status = 'PENDING' and due_at <= now()"
                        + " and (claimed_until is null or claimed_until < now())",
                "select l.id, j.status from unnest(array[1,2,3,4,5]::bigint[]) as l(id) cross join lateral"
                        + " (select status from judgment where course_id = 1 and learner_id = l.id"
                        + " and referentiel_code = 'cqpi-assistant' offset 0) j")) {
            System.out.println("EXPLAIN " + sql);
            jdbc.sql("explain (analyze, buffers) " + sql)
                    .query(String.class)
                    .list()
                    .forEach(System.out::println);
        }
    }

    private static Map<Long, Long> sentByPlatform(JdbcClient jdbc) {
        Map<Long, Long> sent = new HashMap<>();
        jdbc.sql("select platform_id, count(*) from grade_outbox where status = 'SENT' group by platform_id")
                .query(rs -> {
                    sent.put(rs.getLong(1), rs.getLong(2));
                });
        return sent;
    }

    private static long commits(JdbcClient jdbc) {
        return jdbc.sql("select xact_commit from pg_stat_database where datname = current_database()")
                .query(Long.class)
                .single();
    }

    /** Per table: sequential scans, rows they read, index scans, rows fetched, rows updated, autovacuums. */
    private static Map<String, long[]> tableStats(JdbcClient jdbc) {
        Map<String, long[]> stats = new TreeMap<>();
        jdbc.sql("""
                        select relname, coalesce(seq_scan, 0), coalesce(seq_tup_read, 0), coalesce(idx_scan, 0),
                               coalesce(idx_tup_fetch, 0), n_tup_upd, autovacuum_count
                        from pg_stat_user_tables""").query(rs -> {
            long[] values = new long[6];
            for (int i = 0; i < 6; i++) {
                values[i] = rs.getLong(i + 2);
            }
            stats.put(rs.getString(1), values);
        });
        return stats;
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * CPU time during the run: this JVM's threads grouped by name (WireMock's Jetty threads are the load generator's,
     * not the tool's), and the PostgreSQL processes serving the benchmark's data directory.
     */
    private static final class CpuUse {

        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final String dataDir;
        private final Map<Long, Long> threadStart = new HashMap<>();
        private final Map<Long, Long> threadLast = new HashMap<>();
        private final Map<Long, String> threadName = new HashMap<>();
        private final Map<Long, Long> pgStart = new HashMap<>();
        private final Map<Long, Long> pgLast = new HashMap<>();
        private final long processStart;
        private long processLast;

        CpuUse(String dataDir) {
            this.dataDir = dataDir;
            for (ThreadInfo info : threads.dumpAllThreads(false, false)) {
                threadStart.put(info.getThreadId(), Math.max(0, threads.getThreadCpuTime(info.getThreadId())));
            }
            postgres().forEach((pid, cpu) -> pgStart.put(pid, cpu));
            processStart = processCpu();
        }

        void sample() {
            for (ThreadInfo info : threads.dumpAllThreads(false, false)) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu >= 0) {
                    threadLast.put(info.getThreadId(), cpu);
                    threadName.put(info.getThreadId(), info.getThreadName());
                }
            }
            pgLast.putAll(postgres());
            processLast = processCpu();
        }

        String report(double seconds) {
            Map<String, Long> byGroup = new TreeMap<>();
            threadLast.forEach((id, cpu) ->
                    byGroup.merge(group(threadName.get(id)), cpu - threadStart.getOrDefault(id, 0L), Long::sum));
            long pg = 0;
            for (var e : pgLast.entrySet()) {
                pg += e.getValue() - pgStart.getOrDefault(e.getKey(), 0L);
            }
            long jvm = processLast - processStart;
            List<Map.Entry<String, Long>> sorted = new ArrayList<>(byGroup.entrySet());
            sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed());
            StringBuilder out = new StringBuilder(String.format(
                    Locale.ROOT,
                    "%nCPU seconds over %.1f s of wall time (2 cores = %.0f available): JVM %.1f (threads below; the"
                            + " rest is GC, JIT), PostgreSQL %.1f%n%n| Threads | CPU s |%n| --- | --- |%n",
                    seconds,
                    seconds * Runtime.getRuntime().availableProcessors(),
                    jvm / 1e9,
                    pg / 1e9));
            for (var e : sorted) {
                if (e.getValue() > 50_000_000L) {
                    out.append(String.format(Locale.ROOT, "| %s | %.1f |%n", e.getKey(), e.getValue() / 1e9));
                }
            }
            return out.toString();
        }

        private static String group(String name) {
            if (name.startsWith("qtp")) {
                return "WireMock (Jetty)";
            }
            if (name.startsWith("pool-")) {
                return "WireMock (delayed answers) and other pools";
            }
            return name.replaceAll("[-#]?\\d+$", "").replaceAll("-\\d+-", "-");
        }

        private static long processCpu() {
            return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        }

        /** CPU so far of the postmaster whose command line names the data directory, and of its children. */
        private Map<Long, Long> postgres() {
            Map<Long, Long> cpu = new LinkedHashMap<>();
            ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().orElse("").contains(dataDir))
                    .forEach(postmaster -> {
                        cpu.put(postmaster.pid(), cpuOf(postmaster));
                        postmaster.descendants().forEach(child -> cpu.put(child.pid(), cpuOf(child)));
                    });
            return cpu;
        }

        private static long cpuOf(ProcessHandle process) {
            return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        }
    }
}
