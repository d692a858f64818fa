package fr.cqpi.lti;

import static fr.cqpi.support.TestPlatform.INSTRUCTOR;
import static fr.cqpi.support.TestPlatform.LEARNER;
import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.database.EmbeddedPostgresServer;
import fr.cqpi.support.LtiClient;
import fr.cqpi.support.TestApplications;
import fr.cqpi.support.TestPlatform;
import fr.cqpi.support.ToolIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One browser launches again and again, as a trainer going from course to course does, while the page it leaves
 * still has requests on their way with the previous session's cookie (its scripts, its assets, a save): every
 * accepted launch lands on its first page, and the click right after it works; never « Aucune session ». Those late
 * requests of the page left behind must not bring the previous session back over the new one — on one instance, and on
 * two instances behind a load balancer with the database's session writes slowed (the race's window made wider).
 */
class RelaunchInOneBrowserTest extends ToolIntegrationTest {

    private static final int LAUNCHES = 60;

    @Autowired
    EmbeddedPostgresServer database;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyRelaunchLandsOnItsPageWhileThePageLeftBehindIsStillBusy() throws Exception {
        TestPlatform moodle = newPlatform("moodle");
        assertThat(relaunches(moodle, browser(), port, port)).isEmpty();
    }

    @Test
    void onTwoInstancesWithSlowSessionWritesEveryRelaunchLandsToo() throws Exception {
        TestPlatform moodle = newPlatform("moodle");
        jdbc.sql("""
                        create or replace function slow_session_write() returns trigger language plpgsql as
                        $$ begin perform pg_sleep(0.02); return new; end $$""").update();
        jdbc.sql("""
                        create trigger slow_session_write before update on spring_session
                        for each row execute function slow_session_write()""").update();
        try (ConfigurableApplicationContext second = TestApplications.start(Map.of(
                "spring.datasource.url", database.jdbcUrl(),
                "spring.datasource.username", database.username(),
                "spring.datasource.password", database.password()))) {
            int secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
            // The launches go through this instance; the page left behind and the next click reach the other.
            assertThat(relaunches(moodle, browser(), secondPort, secondPort)).isEmpty();
        } finally {
            jdbc.sql("drop trigger slow_session_write on spring_session").update();
            jdbc.sql("drop function slow_session_write()").update();
        }
    }

    /** What went wrong in {@value #LAUNCHES} relaunches of one browser. */
    private List<String> relaunches(TestPlatform moodle, LtiClient browser, int oldPagePort, int nextClickPort)
            throws Exception {
        assertThat(launch(browser, moodle, 0).statusCode()).isEqualTo(302);
        LtiClient nextClick = browser.onPort(nextClickPort);
        List<String> failures = new ArrayList<>();
        for (int i = 1; i <= LAUNCHES; i++) {
            String previous = browser.cookie(SessionConfiguration.COOKIE_NAME).orElseThrow();
            AtomicBoolean leaving = new AtomicBoolean();
            List<CompletableFuture<Void>> pageLeftBehind = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                pageLeftBehind.add(CompletableFuture.runAsync(() -> {
                    LtiClient oldPage = LtiClient.withoutCookies(oldPagePort);
                    while (!leaving.get()) {
                        oldPage.get(
                                "/app/referentiel",
                                Map.of("Cookie", SessionConfiguration.COOKIE_NAME + "=" + previous));
                    }
                }));
            }
            var launch = launch(browser, moodle, i);
            var landing = nextClick.get("/app");
            var next = nextClick.get("/app/referentiel");
            leaving.set(true);
            CompletableFuture.allOf(pageLeftBehind.toArray(CompletableFuture[]::new))
                    .get();
            if (launch.statusCode() != 302) {
                failures.add(i + ": launch " + launch.statusCode());
            } else if (landing.statusCode() != 200 || next.statusCode() != 200) {
                failures.add(i + ": first page " + landing.statusCode() + ", next click " + next.statusCode());
            }
            // After the page left behind is gone, the session still stands.
            var later = nextClick.get("/app/referentiel");
            if (later.statusCode() != 200) {
                failures.add(i + ": a click once the old page is gone " + later.statusCode());
            }
        }
        return failures;
    }

    private java.net.http.HttpResponse<String> launch(LtiClient browser, TestPlatform moodle, int i) {
        String sub = i % 2 == 0 ? "trainer-relaunch" : "learner-relaunch";
        String role = i % 2 == 0 ? INSTRUCTOR : LEARNER;
        return browser.launch(moodle, sub, n -> moodle.moodleLaunch(sub, role, n, "course-relaunch-" + (i % 3)));
    }
}
