package fr.cqpi.lti;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.LtiClient;
import fr.cqpi.support.TestPlatform;
import fr.cqpi.support.ToolIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The login step of platform storage (Canvas's lti_storage_target) runs under the tool's own CSP. */
class PlatformStorageStepTest extends ToolIntegrationTest {

    @Test
    void theStoragePageHasNoInlineScriptAndNamesThePlatformsFrame() {
        TestPlatform canvas = newPlatform("canvas");
        var response = browser()
                .get("/lti/login?"
                        + LtiClient.form(Map.of(
                                "iss",
                                canvas.issuer(),
                                "login_hint",
                                "u",
                                "target_link_uri",
                                "http://localhost:" + port + "/app",
                                "client_id",
                                canvas.clientId(),
                                "lti_storage_target",
                                "post_message_forwarding")));
        assertThat(response.statusCode()).isEqualTo(200);
        String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(response.body())
                .contains("<script src=\"/js/platform-storage.js\" defer></script>")
                .contains("data-target=\"post_message_forwarding\"")
                .contains("data-url=\"http")
                .doesNotContainPattern("<script>");
    }

    @Test
    void withoutStorageTargetTheLoginRedirectsAtOnce() {
        TestPlatform moodle = newPlatform("moodle");
        var response = browser()
                .get("/lti/login?"
                        + LtiClient.form(Map.of(
                                "iss",
                                moodle.issuer(),
                                "login_hint",
                                "u",
                                "target_link_uri",
                                "http://localhost:" + port + "/app",
                                "client_id",
                                moodle.clientId())));
        assertThat(response.statusCode()).isEqualTo(302);
    }
}
