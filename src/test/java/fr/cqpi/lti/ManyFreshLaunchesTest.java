package fr.cqpi.lti;

import static fr.cqpi.support.TestPlatform.INSTRUCTOR;
import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.LtiClient;
import fr.cqpi.support.TestPlatform;
import fr.cqpi.support.ToolIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * An accepted launch never ends on « No session »: 50 launches, each in a fresh tab that keeps no cookie, each
 * first page followed at once by the requests its scripts make (in parallel, with the session header), and the
 * same with cookies.
 */
class ManyFreshLaunchesTest extends ToolIntegrationTest {

    @Test
    void fiftyCookielessLaunchesEachKeepTheirSession() {
        TestPlatform moodle = newPlatform("moodle");
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String sub = "trainer-" + i;
            LtiClient tab = LtiClient.withoutCookies(port);
            var page = tab.launch(moodle, sub, n -> moodle.moodleLaunch(sub, INSTRUCTOR, n, "course-many"));
            var session = LtiClient.sessionToken(page.body());
            if (page.statusCode() != 200 || session.isEmpty()) {
                failures.add(i + ": first page " + page.statusCode());
                continue;
            }
            Map<String, String> header = Map.of(LaunchSessionIdResolver.HEADER, session.get(), "HX-Request", "true");
            List<CompletableFuture<Integer>> followUps = List.of(
                    CompletableFuture.supplyAsync(
                            () -> tab.get("/app/cohort?wait=1", header).statusCode()),
                    CompletableFuture.supplyAsync(
                            () -> tab.get("/app/referentiel", header).statusCode()),
                    CompletableFuture.supplyAsync(
                            () -> tab.get("/api/v1/learners", header).statusCode()));
            for (CompletableFuture<Integer> followUp : followUps) {
                int status = followUp.join();
                if (status != 200) {
                    failures.add(i + ": follow-up " + status);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void fiftyLaunchesWithCookiesEachKeepTheirSession() {
        TestPlatform moodle = newPlatform("moodle");
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String sub = "trainer-" + i;
            LtiClient browser = browser();
            var launch = browser.launch(moodle, sub, n -> moodle.moodleLaunch(sub, INSTRUCTOR, n, "course-many"));
            if (launch.statusCode() != 302) {
                failures.add(i + ": launch " + launch.statusCode());
                continue;
            }
            List<CompletableFuture<Integer>> pages = List.of(
                    CompletableFuture.supplyAsync(() -> browser.get("/app").statusCode()),
                    CompletableFuture.supplyAsync(
                            () -> browser.get("/app/referentiel").statusCode()),
                    CompletableFuture.supplyAsync(
                            () -> browser.get("/api/v1/learners").statusCode()));
            for (CompletableFuture<Integer> page : pages) {
                int status = page.join();
                if (status != 200) {
                    failures.add(i + ": page " + status);
                }
            }
        }
        assertThat(failures).isEmpty();
    }
}
