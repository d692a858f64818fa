package fr.cqpi.bench;

import static fr.cqpi.support.TestPlatform.INSTRUCTOR;

import com.github.benmanes.caffeine.cache.Cache;
import fr.cqpi.lti.PlatformRegistry;
import fr.cqpi.support.LtiClient;
import fr.cqpi.support.SharedWireMock;
import fr.cqpi.support.TestApplications;
import fr.cqpi.support.TestCohorts;
import fr.cqpi.support.TestPlatform;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.BeansException;
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
        ConfigurableApplicationContext app = TestApplications.start(
                Map.of(
                        "cqpi.embedded-db.dir",
                        data.resolve("pg").toString(),
                        "cqpi.embedded-db.delete-on-close",
                        "true",
                        "spring.datasource.hikari.maximum-pool-size",
                        "30",
                        "server.tomcat.threads.max",
                        "100",
                        "logging.level.fr.cqpi",
                        "WARN"),
                RequestCpu.class);
        requestCpu = app.getBean(RequestCpu.class);
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        TestPlatform platform = new TestPlatform(
                        SharedWireMock.get(), "https://bench.lms.example", "bench-client", "d1")
                .register(app.getBean(PlatformRegistry.class));
        List<Bench.Result> results = new ArrayList<>();
        List<String> cpu = new ArrayList<>();
        Path postgresData = data.resolve("pg");
        String only = System.getProperty("benchmark.only", "all");
        boolean onlyLaunches = "launches".equals(only);
        boolean onlyPages = "pages".equals(only);
        boolean onlyLearners = "learners".equals(only);
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
            if (onlyLearners) {
                learnerPhases(app, jdbc, tabs, platform, results, postgresData, cpu, jfr);
            } else if (onlyPages) {
                others(app, jdbc, platform, results, postgresData, cpu, jfr);
            } else {
                launchPhases(tabs, cookielessTabs, platform, results, postgresData, cpu, jfr);
                if (!onlyLaunches) {
                    others(app, jdbc, platform, results, postgresData, cpu, null);
                    learnerPhases(app, jdbc, tabs, platform, results, postgresData, cpu, null);
                }
            }

        } finally {
            app.close();
            writeReport(results, cpu, Path.of("target/benchmarks.md"));
        }
        System.exit(0);
    }

    /** Full launches at 1, 16 and 64 clients, then without cookies at 16; with {@code jfr}, the 16-client phase. */
    private static void launchPhases(
            LtiClient[] tabs,
            LtiClient[] cookielessTabs,
            TestPlatform platform,
            List<Bench.Result> results,
            Path postgresData,
            List<String> cpu,
            String jfr)
            throws Exception {
        Bench.run("warm-up", 4, 100, c -> launch(tabs[c], platform, "warm-" + c));
        Bench.run("warm-up", 4, 50, c -> cookielessLaunch(cookielessTabs[c], platform, "warm-" + c));
        for (int clients : new int[] {1, 16, 64}) {
            int perClient = clients == 1 ? 300 : clients == 16 ? 120 : 40;
            jdk.jfr.Recording recording = null;
            if (jfr != null && clients == 16) {
                recording = profiling();
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
    }

    /** Learners in the course of the learner phases, each with its 80 criteria judged. */
    static final int LEARNERS = 200;

    /**
     * The launches users really make (issue 24): in one course of {@value #LEARNERS} learners (every criterion
     * judged) and its trainer, 19 launches in 20 are a learner's, landing on the learner's own grid (80 criteria,
     * read-only), 1 in 20 the trainer's, landing on the cohort of 200. Each launch is a full browser-like one from an
     * empty cookie jar: login initiation (and the login step page when the tool answers with it), the platform's
     * authorization (the id_token signed here), the id_token POST, then the first page. At 16 and 64 clients, the
     * learners taken in turn (each learner launches again only after the 199 others). Then the learner's grid page
     * alone, each learner once, with the criteria cache emptied first (a learner the tool has not rendered since),
     * and once more. With {@code jfr}, the 16-client launch phase is recorded.
     */
    private static void learnerPhases(
            ConfigurableApplicationContext app,
            JdbcClient jdbc,
            LtiClient[] tabs,
            TestPlatform platform,
            List<Bench.Result> results,
            Path postgresData,
            List<String> cpu,
            String jfr)
            throws Exception {
        // The trainer's first launch makes the course; its learners are then written as launches and saves leave them.
        launchMix(tabs[0], platform, -1);
        long courseId = jdbc.sql("select id from course where platform_id = :p and context_id = :c")
                .param("p", platform.platform().id())
                .param("c", MIX_COURSE)
                .query(Long.class)
                .single();
        TestCohorts.addJudgedLearners(jdbc, platform.platform().id(), courseId, MIX_LEARNER, 0, LEARNERS);
        AtomicInteger turn = new AtomicInteger();
        // -Dbenchmark.compare=true: each phase first with the learner's criteria through the Thymeleaf fragment (as
        // before issue 24), then as now, back to back in the same run (a fairer comparison on a shared machine).
        boolean[] modes = Boolean.getBoolean("benchmark.compare") ? new boolean[] {false, true} : new boolean[] {true};
        for (boolean written : modes) {
            readOnlyCriteriaWritten(app, written);
            Bench.run("warm-up", 4, 100, c -> launchMix(tabs[c], platform, turn.getAndIncrement()));
        }
        for (int clients : new int[] {16, 64}) {
            for (boolean written : modes) {
                readOnlyCriteriaWritten(app, written);
                // Each phase starts with no learner's grid rendered (as 200 learners opening the tool in a morning;
                // before, their second and third launches in the phase are cache hits).
                emptyCriteriaCache(app);
                // Enough launches for every learner to launch at least twice.
                int perClient = clients == 16 ? 30 : 10;
                jdk.jfr.Recording recording = null;
                if (jfr != null && clients == 16) {
                    recording = profiling();
                    recording.start();
                }
                measured(
                        results,
                        cpu,
                        postgresData,
                        "learner mix: full launch, 200 learners (own grid) + trainer 1 in 20 (cohort of 200)"
                                + (modes.length > 1 ? (written ? ", now" : ", pages through the templates") : ""),
                        clients,
                        perClient,
                        c -> launchMix(tabs[c], platform, turn.getAndIncrement()));
                if (recording != null) {
                    recording.stop();
                    recording.dump(Path.of(written ? jfr : jfr.replace(".jfr", "-template.jfr")));
                    recording.close();
                }
            }
        }
        // The launch's steps without its first page (login initiation, authorization, id_token POST), learners
        // only; then the trainer's first page alone (the cohort of 200): with the grid pages below, the tool's
        // CPU per launch by step.
        measured(
                results,
                cpu,
                postgresData,
                "learner launch without its first page (login initiation + id_token POST)",
                16,
                30,
                c -> {
                    int k = turn.getAndIncrement();
                    String sub = MIX_LEARNER + (k % LEARNERS);
                    tabs[c].forgetEverything();
                    expect(302, tabs[c].launch(platform, sub, n -> mixClaims(platform, sub, TestPlatform.LEARNER, n)));
                });
        tabs[0].forgetEverything();
        expect(302, tabs[0].launch(platform, "mix-trainer", n -> mixClaims(platform, "mix-trainer", INSTRUCTOR, n)));
        String trainerCookie = "CQPI_SESSION=" + tabs[0].cookie("CQPI_SESSION").orElseThrow();
        for (boolean written : modes) {
            readOnlyCriteriaWritten(app, written);
            jdk.jfr.Recording cohortRecording = written ? startRecording(jfr) : null;
            String name = "trainer's first page, cohort of 200 learners × 80 criteria"
                    + (modes.length > 1 ? (written ? ", now" : ", rows through the template") : "");
            measured(results, cpu, postgresData, name, 16, 30, c -> {
                tabs[c].forgetEverything();
                expect(200, tabs[c].get("/app/cohort", Map.of("Cookie", trainerCookie)));
            });
            stopRecording(cohortRecording, jfr, "-cohort200.jfr");
        }
        // Each learner's session, then the learner's own grid alone (the first page of the launches above).
        String[] cookies = new String[LEARNERS];
        for (int i = 0; i < LEARNERS; i++) {
            LtiClient tab = tabs[i % 16];
            tab.forgetEverything();
            String sub = MIX_LEARNER + i;
            expect(302, tab.launch(platform, sub, n -> mixClaims(platform, sub, TestPlatform.LEARNER, n)));
            cookies[i] = "CQPI_SESSION=" + tab.cookie("CQPI_SESSION").orElseThrow();
        }
        for (boolean written : modes) {
            readOnlyCriteriaWritten(app, written);
            // Three rounds of first views (each learner once, the cache emptied before each): the figure varies by a
            // third from one short phase to the next on this machine.
            for (String view : new String[] {
                "first view, criteria cache emptied",
                "first view, criteria cache emptied, round 2",
                "first view, criteria cache emptied, round 3",
                "second view",
                "second view through /app, where a launch lands"
            }) {
                if (view.startsWith("first")) {
                    emptyCriteriaCache(app);
                }
                AtomicInteger next = new AtomicInteger();
                jdk.jfr.Recording gridRecording = written && view.endsWith("round 3") ? startRecording(jfr) : null;
                String name = "learner's own grid page (" + view
                        + (modes.length > 1 ? (written ? ", now" : ", through the templates") : "") + ")";
                measured(results, cpu, postgresData, name, 16, LEARNERS / 16, c -> {
                    tabs[c].forgetEverything();
                    var page = tabs[c].get(
                            view.endsWith("lands") ? "/app" : "/app/me",
                            Map.of("Cookie", cookies[next.getAndIncrement()]));
                    expect(200, page);
                    if (!page.body().contains("class=\"judgment readonly\"")) {
                        throw new IllegalStateException("not the learner's grid");
                    }
                });
                stopRecording(gridRecording, jfr, "-learner-grid.jfr");
            }
        }
        readOnlyCriteriaWritten(app, true);
        // What a browser does next: the page's htmx loads (the open bloc's evidence, the documents, the livret, unless
        // written into the page), as htmx sends them (HX-Request, the page's launch id). Not in the mix's figures,
        // which end at the first page.
        AtomicInteger nextLearner = new AtomicInteger();
        jdk.jfr.Recording loadsRecording = startRecording(jfr);
        measured(
                results,
                cpu,
                postgresData,
                "learner's own grid page and what it loads after it (htmx: the open bloc's evidence, documents, livret)",
                16,
                LEARNERS / 16,
                c -> {
                    tabs[c].forgetEverything();
                    String cookie = cookies[nextLearner.getAndIncrement()];
                    String page =
                            tabs[c].get("/app/me", Map.of("Cookie", cookie)).body();
                    Map<String, String> htmx = new HashMap<>(Map.of("Cookie", cookie, "HX-Request", "true"));
                    LtiClient.launchId(page).ifPresent(id -> htmx.put("X-CQPI-Launch", id));
                    Matcher load = HTMX_LOAD.matcher(page);
                    int loads = 0;
                    while (load.find()) {
                        String url = (load.group(1) != null ? load.group(1) : load.group(2)).replace("&amp;", "&");
                        expect(200, tabs[c].get(url, htmx));
                        loads++;
                    }
                    // The open bloc's evidence, the documents and the livret (the other blocs' evidence when shown):
                    // written into the page (since the seventh session) or loaded after it.
                    int written = (int) WRITTEN_PANEL.matcher(page).results().count();
                    if (loads + written != 3) {
                        throw new IllegalStateException(
                                loads + " htmx loads and " + written + " panels written on the learner's page, not 3");
                    }
                });
        stopRecording(loadsRecording, jfr, "-loads.jfr");
    }

    /** A JFR recording with the "profile" settings, when {@code jfr} names a file; else null. */
    private static jdk.jfr.Recording startRecording(String jfr) throws Exception {
        if (jfr == null) {
            return null;
        }
        jdk.jfr.Recording recording = profiling();
        recording.start();
        return recording;
    }

    /**
     * The "profile" settings, with Java samples every millisecond (the default 10 to 20 ms gives too few on a page);
     * run on Java 25 for CPU-time samples ({@code jdk.CPUTimeSample}), which Java 17's sampler lacks.
     */
    private static jdk.jfr.Recording profiling() throws Exception {
        jdk.jfr.Recording recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
        recording.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(1));
        // On Java 25 (Linux), samples by CPU time rather than wall time: what each method costs the tool, exactly.
        recording.enable("jdk.CPUTimeSample").with("throttle", "1ms");
        return recording;
    }

    /** Stops a recording of {@link #startRecording} and writes it beside {@code jfr}, its name ending in suffix. */
    private static void stopRecording(jdk.jfr.Recording recording, String jfr, String suffix) throws Exception {
        if (recording == null) {
            return;
        }
        recording.stop();
        recording.dump(Path.of(jfr.replace(".jfr", suffix)));
        recording.close();
    }

    /**
     * Whether the tool writes the learner's read-only grid (criteria, tabs and panels) and the cohort's rows itself,
     * or renders them through their Thymeleaf templates: the switches {@code ReadOnlyCriterionTest} and
     * {@code CohortTableRowsTest} compare with, found by bean name (wherever their package is).
     */
    private static void readOnlyCriteriaWritten(ConfigurableApplicationContext app, boolean written) {
        String[][] switches = {
            {"renderedCriteria", "readOnlyWithoutTemplate"},
            {"readOnlyGridPanels", "withoutTemplate"},
            {"cohortTableRows", "withoutTemplate"}
        };
        for (String[] s : switches) {
            try {
                Object bean = app.getBean(s[0]);
                var field = bean.getClass().getDeclaredField(s[1]);
                field.setAccessible(true);
                field.setBoolean(bean, written);
            } catch (ReflectiveOperationException | BeansException e) {
                if (!written) {
                    throw new IllegalStateException("no switch to compare with: " + s[0], e);
                }
            }
        }
    }

    /** The root of the open bloc's evidence panel, the documents panel or the livret's, written into a page. */
    private static final Pattern WRITTEN_PANEL =
            Pattern.compile("<section class=\"card evidence no-print\" id=\"evidence-|<section class=\"card documents"
                    + " no-print\" id=\"documents-|<section id=\"livret-signatures\"");

    /** An element htmx loads as the page arrives ({@code hx-trigger="load"}), its URL in either attribute order. */
    private static final Pattern HTMX_LOAD =
            Pattern.compile("hx-trigger=\"load\"[^>]*hx-get=\"([^\"]+)\"|hx-get=\"([^\"]+)\"[^>]*hx-trigger=\"load\"");

    private static final String MIX_COURSE = "bench-learners-course";
    private static final String MIX_LEARNER = "mix-learner-";

    /** Launch number {@code turn} of the mix: the trainer every 20th (and for a negative turn), else a learner. */
    private static void launchMix(LtiClient tab, TestPlatform platform, int turn) {
        boolean trainer = turn < 0 || turn % 20 == 19;
        String sub = trainer ? "mix-trainer" : MIX_LEARNER + ((turn - turn / 20) % LEARNERS);
        tab.forgetEverything();
        expect(
                302,
                tab.launch(
                        platform, sub, n -> mixClaims(platform, sub, trainer ? INSTRUCTOR : TestPlatform.LEARNER, n)));
        var page = tab.get("/app");
        expect(200, page);
        if (!page.body().contains(trainer ? "cohort" : "judgment readonly")) {
            throw new IllegalStateException("unexpected first page for " + sub);
        }
    }

    private static Map<String, Object> mixClaims(TestPlatform platform, String sub, String role, String nonce) {
        Map<String, Object> claims = platform.moodleLaunch(sub, role, nonce, MIX_COURSE);
        claims.put(TestPlatform.LTI + "resource_link", Map.of("id", "bench-mix-activity", "title", "Grille CQPI"));
        return claims;
    }

    /** Empties the tool's cache of rendered criteria, if it has one (a learner's grid as if never rendered). */
    private static void emptyCriteriaCache(ConfigurableApplicationContext app) {
        try {
            Object bean = app.getBean("renderedCriteria");
            var field = bean.getClass().getDeclaredField("cache");
            field.setAccessible(true);
            ((Cache<?, ?>) field.get(bean)).invalidateAll();
        } catch (ReflectiveOperationException | BeansException e) {
            // No such cache: nothing to empty.
        }
    }

    /**
     * The cohort page, the grid page, the grid's autosave (the htmx form PUT a status change sends) and a judgment
     * save through the API, by trainers with their own sessions. With {@code jfr}, the 16-client page phases are
     * recorded.
     */
    private static void others(
            ConfigurableApplicationContext app,
            JdbcClient jdbc,
            TestPlatform platform,
            List<Bench.Result> results,
            Path postgresData,
            List<String> cpu,
            String jfr)
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
        List<Map<String, String>> htmx = new ArrayList<>();
        for (LtiClient trainer : trainers) {
            String page = trainer.get("/app").body();
            Map<String, String> headers = new HashMap<>(trainer.csrfHeaders(page));
            Map<String, String> form = new HashMap<>(headers);
            headers.put("Content-Type", "application/json");
            csrf.add(headers);
            // What htmx sends with app.js's headers (CSRF, launch id) for a form's change.
            form.put("Content-Type", "application/x-www-form-urlencoded");
            form.put("HX-Request", "true");
            LtiClient.launchId(page).ifPresent(id -> form.put("X-CQPI-Launch", id));
            htmx.add(form);
        }
        Bench.run("warm-up", 16, 10, c -> trainers[c].get("/app/cohort"));
        Bench.run("warm-up", 16, 10, c -> trainers[c].get("/app/learners/bench-learner-" + (c % 30)));
        jdk.jfr.Recording recording = null;
        if (jfr != null) {
            recording = profiling();
            recording.start();
        }
        measured(
                results,
                cpu,
                postgresData,
                "cohort page, 30 learners × 80 criteria",
                16,
                40,
                c -> expect(200, trainers[c].get("/app/cohort")));
        if (recording != null) {
            recording.stop();
            recording.dump(Path.of(jfr.replace(".jfr", "-cohort.jfr")));
            recording.close();
            recording = profiling();
            recording.start();
        }
        measured(
                results,
                cpu,
                postgresData,
                "grid page (80 criteria)",
                16,
                40,
                c -> expect(200, trainers[c].get("/app/learners/bench-learner-" + (c % 30))));
        if (recording != null) {
            recording.stop();
            recording.dump(Path.of(jfr.replace(".jfr", "-grid.jfr")));
            recording.close();
        }
        measured(
                results,
                cpu,
                postgresData,
                "grid page (80 criteria)",
                1,
                200,
                c -> expect(200, trainers[c].get("/app/learners/bench-learner-" + (c % 30))));
        measured(
                results,
                cpu,
                postgresData,
                "cohort page, 30 learners × 80 criteria",
                1,
                200,
                c -> expect(200, trainers[c].get("/app/cohort")));
        autosaves(trainers, htmx, results, cpu, postgresData, jdbc, courseId);
        String[] statuses = {"ACQUIS", "EN_COURS", "NON_ACQUIS"};
        int[] counter = new int[1];
        measured(results, cpu, postgresData, "judgment save (PUT API)", 16, 40, c -> {
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
        });
    }

    /**
     * The grid's autosave as the browser sends it: a status clicked in a criterion's segmented control PUTs its form
     * (version, status, modality, comment) to {@code /app/learners/{sub}/judgments/{code}}, and the answer (the
     * criterion again, with the bloc's summary, divergences and states out of band) carries the next version.
     * Each client judges its own learner's criteria in turn, at 1, 4 and 16 clients.
     */
    private static void autosaves(
            LtiClient[] trainers,
            List<Map<String, String>> htmx,
            List<Bench.Result> results,
            List<String> cpu,
            Path postgresData,
            JdbcClient jdbc,
            long courseId)
            throws Exception {
        List<String> criteria =
                jdbc.sql("""
                        select distinct criterion_code from judgment where course_id = :c order by criterion_code""").param("c", courseId).query(String.class).list();
        String[] statuses = {"ACQUIS", "EN_COURS", "NON_ACQUIS"};
        Pattern version = Pattern.compile("name=\"version\" value=\"(\\d+)\"");
        // The version each client's form holds, from the last answer (TestCohorts stored version 1).
        List<Map<String, Integer>> versions = new ArrayList<>();
        for (int i = 0; i < trainers.length; i++) {
            versions.add(new HashMap<>());
        }
        int[] step = new int[trainers.length];
        for (int clients : new int[] {1, 4, 16}) {
            measured(
                    results,
                    cpu,
                    postgresData,
                    "autosave (htmx form PUT, status change)",
                    clients,
                    1600 / clients,
                    c -> {
                        String learner = "bench-learner-" + c;
                        String code = criteria.get(step[c]++ % criteria.size());
                        int current = versions.get(c).getOrDefault(code, 1);
                        Map<String, String> headers = new HashMap<>(htmx.get(c));
                        headers.put("HX-Target", "criterion-" + code.replace('.', '-'));
                        headers.put("HX-Trigger", "status-" + code.replace('.', '-') + "-" + statuses[step[c] % 3]);
                        var response = trainers[c].send(
                                "PUT",
                                "/app/learners/" + learner + "/judgments/" + code,
                                LtiClient.form(Map.of(
                                        "version",
                                        Integer.toString(current),
                                        "status",
                                        statuses[step[c] % 3],
                                        "modality",
                                        "ENTRETIEN",
                                        "comment",
                                        "")),
                                headers);
                        expect(200, response);
                        Matcher next = version.matcher(response.body());
                        if (!next.find()) {
                            throw new IllegalStateException("no version in the answer");
                        }
                        versions.get(c).put(code, Integer.parseInt(next.group(1)));
                    });
        }
    }

    /** A phase measured with the CPU it cost the tool, the load generator and PostgreSQL. */
    private static void measured(
            List<Bench.Result> results,
            List<String> cpu,
            Path postgresData,
            String name,
            int clients,
            int perClient,
            Bench.Operation operation)
            throws Exception {
        requestCpu.reset();
        CpuMeter meter = CpuMeter.start(postgresData);
        Bench.Result result = Bench.run(name, clients, perClient, operation);
        cpu.add(cpuRow(result, meter.stop()));
        results.add(result);
        STEPS.add("| " + name + " | " + clients + " | " + requestCpu.summary(result.operations()) + " |");
    }

    /** The tool's request threads' CPU by request of each measured phase (see {@link RequestCpu}). */
    private static final List<String> STEPS = new ArrayList<>();

    private static RequestCpu requestCpu;

    /** Prints the results and the CPU rows as Markdown tables and writes them to {@code file}. */
    static void writeReport(List<Bench.Result> results, List<String> cpu, Path file) throws IOException {
        StringBuilder report = new StringBuilder("Machine: " + Bench.machine() + "\n\n" + Bench.HEADER + "\n");
        results.forEach(r -> report.append(r.row()).append('\n'));
        report.append("\n| Operation | Clients | Tool CPU ms per operation | Load generator CPU ms per operation"
                + " | PostgreSQL CPU ms per operation |\n| --- | --- | --- | --- | --- |\n");
        cpu.forEach(row -> report.append(row).append('\n'));
        report.append("\n| Operation | Clients | Tool CPU by request (request thread only) |\n| --- | --- | --- |\n");
        STEPS.forEach(row -> report.append(row).append('\n'));
        System.out.println(report);
        Files.createDirectories(file.getParent());
        Files.writeString(file, report.toString());
    }

    static String cpuRow(Bench.Result result, CpuMeter.Split split) {
        double n = Math.max(1, result.operations() + result.errors());
        return String.format(
                Locale.ROOT,
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

    static void launch(LtiClient tab, TestPlatform platform, String sub) {
        tab.forgetEverything();
        expect(302, tab.launch(platform, sub, n -> courseLaunch(platform, sub, n)));
        expect(200, tab.get("/app"));
    }

    /** A tab that keeps no cookie: login step page, id_token, handover page posting its code, first page. */
    static void cookielessLaunch(LtiClient tab, TestPlatform platform, String sub) {
        tab.forgetEverything();
        var page = tab.launch(platform, sub, n -> courseLaunch(platform, sub, n));
        expect(200, page);
        if (LtiClient.sessionToken(page.body()).isEmpty()) {
            throw new IllegalStateException("first page without its session");
        }
    }

    private static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("HTTP " + response.statusCode());
        }
    }
}
