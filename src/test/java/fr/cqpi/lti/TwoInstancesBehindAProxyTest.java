package fr.cqpi.lti;

import static fr.cqpi.support.TestPlatform.INSTRUCTOR;
import static fr.cqpi.support.TestPlatform.LEARNER;
import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.database.EmbeddedPostgresServer;
import fr.cqpi.support.LtiClient;
import fr.cqpi.support.RoundRobinProxy;
import fr.cqpi.support.TestApplications;
import fr.cqpi.support.TestPlatform;
import fr.cqpi.support.ToolIntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A deployment scaled out: two instances on one PostgreSQL behind a proxy that sends each request to the next
 * instance in turn, with no stickiness. Every step of a launch may land on either instance; none is refused and
 * nothing written through one is missing from the other.
 */
class TwoInstancesBehindAProxyTest extends ToolIntegrationTest {

    static RoundRobinProxy proxy;
    static final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    @Autowired
    EmbeddedPostgresServer database;

    TestPlatform moodle;

    @BeforeEach
    void startTwoInstancesBehindTheProxy() {
        if (proxy == null) {
            proxy = RoundRobinProxy.start();
            for (int i = 0; i < 2; i++) {
                ConfigurableApplicationContext instance = TestApplications.start(Map.of(
                        "spring.datasource.url",
                        database.jdbcUrl(),
                        "spring.datasource.username",
                        database.username(),
                        "spring.datasource.password",
                        database.password(),
                        "cqpi.base-url",
                        proxy.baseUrl()));
                instances.add(instance);
                proxy.addBackend(Integer.parseInt(instance.getEnvironment().getProperty("local.server.port")));
            }
        }
        moodle = newPlatform("moodle").toolAt(proxy.baseUrl());
    }

    @AfterAll
    static void stopThem() {
        instances.forEach(ConfigurableApplicationContext::close);
        instances.clear();
        if (proxy != null) {
            proxy.close();
            proxy = null;
        }
    }

    @Test
    void concurrentLaunchesWithAndWithoutCookiesAllSucceed() throws Exception {
        long[] before = servedByEach();
        int clients = 8;
        int launchesEach = 6;
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            running.add(pool.submit(() -> {
                for (int i = 0; i < launchesEach; i++) {
                    String sub = "teacher-" + client + "-" + i;
                    try {
                        String problem = client % 2 == 0 ? launchWithCookies(sub) : launchWithoutCookies(sub);
                        if (problem != null) {
                            failures.add(sub + ": " + problem);
                        }
                    } catch (RuntimeException | AssertionError e) {
                        failures.add(sub + ": " + e);
                    }
                }
            }));
        }
        for (Future<?> launch : running) {
            launch.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(failures).isEmpty();
        assertThat(proxy.failures()).isZero();
        long[] after = servedByEach();
        // 48 launches of 3 to 4 requests each, alternated: both instances answered about half of them.
        for (int i = 0; i < after.length; i++) {
            assertThat(after[i] - before[i]).isGreaterThan(60);
        }
    }

    @Test
    void whatATrainerSavesThroughOneInstanceEveryInstanceShows() {
        LtiClient trainer = new LtiClient(proxy.port());
        assertThat(trainer.launch(moodle, "trainer", n -> moodle.moodleLaunch("trainer", INSTRUCTOR, n, "course-rr"))
                        .statusCode())
                .isEqualTo(302);
        LtiClient learner = new LtiClient(proxy.port());
        assertThat(learner.launch(moodle, "learner-rr", n -> moodle.moodleLaunch("learner-rr", LEARNER, n, "course-rr"))
                        .statusCode())
                .isEqualTo(302);
        Map<String, String> headers =
                new HashMap<>(trainer.csrfHeaders(trainer.get("/app").body()));
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json");
        // The CSRF token and the session were made on one instance; the saves go to both in turn.
        for (String criterion : List.of("C1.1", "C1.2", "C1.3", "C1.4")) {
            HttpResponse<String> saved = trainer.send(
                    "PUT",
                    "/api/v1/learners/learner-rr/judgments/" + criterion,
                    "{\"status\": \"ACQUIS\", \"modality\": \"OBSERVATION\", \"comment\": \"Vu en situation\","
                            + " \"version\": 0}",
                    headers);
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        }
        for (int read = 0; read < 4; read++) {
            String grid = trainer.get("/api/v1/learners/learner-rr/grid").body();
            assertThat(grid.split("\"status\":\"ACQUIS\"", -1)).hasSize(5);
            assertThat(grid).contains("Vu en situation");
        }
    }

    private String launchWithCookies(String sub) {
        LtiClient tab = new LtiClient(proxy.port());
        HttpResponse<String> launch =
                tab.launch(moodle, sub, n -> moodle.moodleLaunch(sub, INSTRUCTOR, n, "course-rr"));
        if (launch.statusCode() != 302) {
            return "id_token POST answered " + launch.statusCode();
        }
        HttpResponse<String> page = tab.get("/app");
        return page.statusCode() == 200 && page.body().contains("Cohorte")
                ? null
                : "first page answered " + page.statusCode();
    }

    private String launchWithoutCookies(String sub) {
        LtiClient tab = LtiClient.withoutCookies(proxy.port());
        HttpResponse<String> page = tab.launch(moodle, sub, n -> moodle.moodleLaunch(sub, INSTRUCTOR, n, "course-rr"));
        if (page.statusCode() != 200 || LtiClient.sessionToken(page.body()).isEmpty()) {
            return "handover answered " + page.statusCode();
        }
        HttpResponse<String> next = tab.get(
                "/app/cohort",
                Map.of("X-CQPI-Session", LtiClient.sessionToken(page.body()).orElseThrow()));
        return next.statusCode() == 200 ? null : "next page without cookie answered " + next.statusCode();
    }

    private static long[] servedByEach() {
        return instances.stream()
                .mapToLong(i -> proxy.served(Integer.parseInt(i.getEnvironment().getProperty("local.server.port"))))
                .toArray();
    }
}
