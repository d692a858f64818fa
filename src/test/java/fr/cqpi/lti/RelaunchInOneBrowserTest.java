package fr.cqpi.lti;

import static fr.cqpi.support.TestPlatform.INSTRUCTOR;
import static fr.cqpi.support.TestPlatform.LEARNER;
import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.LtiClient;
import fr.cqpi.support.TestPlatform;
import fr.cqpi.support.ToolIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * One browser launches again and again, as a trainer going from course to course does, while the page it leaves
 * still has requests on their way with the previous session's cookie (its scripts, its assets, a save): every
 * accepted launch lands on its first page, never on « Aucune session ». Those late requests of the page left
 * behind must not bring the previous session back over the new one.
 */
class RelaunchInOneBrowserTest extends ToolIntegrationTest {

    private static final int LAUNCHES = 60;

    @Test
    void everyRelaunchLandsOnItsPageWhileThePageLeftBehindIsStillBusy() throws Exception {
        TestPlatform moodle = newPlatform("moodle");
        LtiClient browser = browser();
        assertThat(launch(browser, moodle, 0).statusCode()).isEqualTo(302);
        List<String> failures = new ArrayList<>();
        for (int i = 1; i <= LAUNCHES; i++) {
            String previous = browser.cookie(SessionConfiguration.COOKIE_NAME).orElseThrow();
            AtomicBoolean leaving = new AtomicBoolean();
            List<CompletableFuture<Void>> pageLeftBehind = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                pageLeftBehind.add(CompletableFuture.runAsync(() -> {
                    LtiClient oldPage = LtiClient.withoutCookies(port);
                    while (!leaving.get()) {
                        oldPage.get(
                                "/app/referentiel",
                                Map.of("Cookie", SessionConfiguration.COOKIE_NAME + "=" + previous));
                    }
                }));
            }
            var launch = launch(browser, moodle, i);
            var landing = browser.get("/app");
            var next = browser.get("/app/referentiel");
            leaving.set(true);
            CompletableFuture.allOf(pageLeftBehind.toArray(CompletableFuture[]::new))
                    .get();
            if (launch.statusCode() != 302) {
                failures.add(i + ": launch " + launch.statusCode());
            } else if (landing.statusCode() != 200 || next.statusCode() != 200) {
                failures.add(i + ": first page " + landing.statusCode() + ", next click " + next.statusCode());
            }
            // After the page left behind is gone, the session still stands.
            var later = browser.get("/app/referentiel");
            if (later.statusCode() != 200) {
                failures.add(i + ": a click once the old page is gone " + later.statusCode());
            }
        }
        assertThat(failures).isEmpty();
    }

    private java.net.http.HttpResponse<String> launch(LtiClient browser, TestPlatform moodle, int i) {
        String sub = i % 2 == 0 ? "trainer-relaunch" : "learner-relaunch";
        String role = i % 2 == 0 ? INSTRUCTOR : LEARNER;
        return browser.launch(moodle, sub, n -> moodle.moodleLaunch(sub, role, n, "course-relaunch-" + (i % 3)));
    }
}
