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
        assertThat(response.headers().firstValue("X-Frame-Options"))
                .as("LMS frames embed the tool: the CSP's frame-ancestors decides")
                .isEmpty();
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

    @Test
    void theStepOffersTheSameLoginInANewTabWithoutTheFramesStorageTarget() {
        TestPlatform canvas = newPlatform("canvas");
        LtiClient tab = LtiClient.withoutCookies(port);
        var login = tab.initiateLogin(Map.of(
                "iss",
                canvas.issuer(),
                "login_hint",
                "u 1",
                "target_link_uri",
                "http://localhost:" + port + "/app",
                "lti_message_hint",
                "{\"launchid\":\"ltilaunch1_42\"}",
                "client_id",
                canvas.clientId(),
                "lti_storage_target",
                "post_message_forwarding"));
        assertThat(login.body()).contains("data-probe=\"/lti/cookies\"").contains("id=\"new-tab-link\"");
        String relaunch = org.springframework.web.util.HtmlUtils.htmlUnescape(
                login.body().replaceAll("(?s).*id=\"new-tab-link\"[^>]*href=\"([^\"]+)\".*", "$1"));
        assertThat(relaunch).startsWith("/lti/login?").doesNotContain("lti_storage_target");
        var params = LtiClient.queryOf(relaunch);
        assertThat(params)
                .containsEntry("iss", canvas.issuer())
                .containsEntry("login_hint", "u 1")
                .containsEntry("lti_message_hint", "{\"launchid\":\"ltilaunch1_42\"}")
                .containsEntry("client_id", canvas.clientId());
        var again = LtiClient.withoutCookies(port).initiateLogin(params);
        assertThat(again.proceeds())
                .as("the new tab's login goes on to the platform")
                .isTrue();
    }

    @Test
    void theCookieProbeSaysWhetherTheToolsCookieCameBack() {
        LtiClient tab = LtiClient.withoutCookies(port);
        var without = tab.get("/lti/cookies");
        assertThat(without.statusCode()).isEqualTo(200);
        assertThat(without.body()).isEqualTo("{\"cookies\":false}");
        assertThat(without.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(without.headers().firstValue("Set-Cookie"))
                .as("the probe starts no session")
                .isEmpty();
        var with = tab.get("/lti/cookies", Map.of("Cookie", "CQPI_SESSION=abc"));
        assertThat(with.body()).isEqualTo("{\"cookies\":true}");
    }

    @Test
    void overPlainHttpAPlatformOfAnotherSiteGetsTheStepEvenFromABrowserWithCookies() throws Exception {
        TestPlatform moodle = newPlatform("moodle");
        LtiClient browser = browser();
        browser.launch(moodle, "u", n -> moodle.moodleLaunch("u", TestPlatform.INSTRUCTOR, n, "c"));
        Map<String, String> params = new java.util.LinkedHashMap<>();
        params.put("iss", moodle.issuer());
        params.put("login_hint", "u");
        params.put("target_link_uri", "http://localhost:" + port + "/app");
        params.put("client_id", moodle.clientId());
        // The tool reached as 127.0.0.1 while the platform's authorization endpoint is on localhost: another site,
        // where the Lax cookie would not come back with the platform's form post.
        String cookie = browser.cookie("CQPI_SESSION").orElseThrow();
        var login = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                        "http://127.0.0.1:" + port + "/lti/login?" + LtiClient.form(params)))
                                .header("Cookie", "CQPI_SESSION=" + cookie)
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("id=\"login-step\"");
    }
}
