package fr.cqpi.lti;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.LtiClient;
import fr.cqpi.support.TestPlatform;
import fr.cqpi.support.ToolIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The login step of a browser that brings no cookie: its page keeps a secret in the tab's sessionStorage and, with
 * platform storage (Canvas's lti_storage_target), the state in the platform's; it runs under the tool's own CSP.
 */
class LoginStepTest extends ToolIntegrationTest {

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
                // The script file, fingerprinted (StaticAssets).
                .containsPattern("<script src=\"/js/login-step-[0-9a-f]{32}\\.js\" defer></script>")
                .contains("data-target=\"post_message_forwarding\"")
                .contains("data-url=\"http")
                .containsPattern("data-secret=\"[A-Za-z0-9_-]{43}\"")
                .doesNotContainPattern("<script>");
    }

    @Test
    void withoutStorageTargetTheStepOnlyKeepsThePageSecret() {
        TestPlatform moodle = newPlatform("moodle");
        LtiClient tab = LtiClient.withoutCookies(port);
        LtiClient.LoginRedirect login = tab.initiateLogin(moodle, "u");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).doesNotContain("data-target").contains("data-url=\"http");
        assertThat(tab.sessionStorage()).containsKey("cqpi.launch." + login.state());
        Object stored = jdbc.sql("select page_secret_hash from oidc_state where state = :state")
                .param("state", login.state())
                .query()
                .singleValue();
        assertThat((byte[]) stored)
                .as("only the secret's SHA-256 is stored")
                .hasSize(32)
                .isNotEqualTo(
                        tab.sessionStorage().get("cqpi.launch." + login.state()).getBytes());
    }

    @Test
    void aBrowserThatBringsTheToolsCookiesGoesStraightToThePlatform() {
        TestPlatform moodle = newPlatform("moodle");
        LtiClient browser = browser();
        browser.launch(moodle, "u", n -> moodle.moodleLaunch("u", TestPlatform.INSTRUCTOR, n, "c"));
        LtiClient.LoginRedirect login = browser.initiateLogin(moodle, "u");
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.location()).contains("state=");
    }

    @Test
    void theHandoverPageOfAPlatformStorageLaunchNamesThePlatformsFrame() {
        TestPlatform canvas = newPlatform("canvas");
        LtiClient tab = LtiClient.withoutCookies(port);
        var login = tab.initiateLogin(Map.of(
                "iss",
                canvas.issuer(),
                "login_hint",
                "u",
                "target_link_uri",
                "http://localhost:" + port + "/app",
                "client_id",
                canvas.clientId(),
                "lti_storage_target",
                "post_message_forwarding"));
        assertThat(jdbc.sql("select storage_target from oidc_state where state = :s")
                        .param("s", login.state())
                        .query(String.class)
                        .single())
                .isEqualTo("post_message_forwarding");
        var claims = canvas.moodleLaunch("u", TestPlatform.INSTRUCTOR, login.nonce(), "c");
        claims.put(TestPlatform.LTI + "target_link_uri", "http://localhost:" + port + "/app");
        var handover = tab.postLaunchOnly(canvas.sign(claims), login.state());
        assertThat(handover.statusCode()).isEqualTo(200);
        assertThat(handover.body())
                .contains("data-target=\"post_message_forwarding\"")
                .contains("data-state=\"" + login.state() + "\"");
    }
}
