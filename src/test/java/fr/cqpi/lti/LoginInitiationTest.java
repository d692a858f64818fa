package fr.cqpi.lti;

import static fr.cqpi.support.TestPlatform.INSTRUCTOR;
import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.LtiClient;
import fr.cqpi.support.TestPlatform;
import fr.cqpi.support.ToolIntegrationTest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Third-party initiated login by form POST (IMS Security Framework §5.1.1.1 allows GET or POST), as Moodle and
 * Canvas may send it, and login initiations refused with a 400 that leave nothing stored.
 */
class LoginInitiationTest extends ToolIntegrationTest {

    Map<String, String> initiation(TestPlatform platform) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("iss", platform.issuer());
        params.put("login_hint", "trainer");
        params.put("target_link_uri", "http://localhost:" + port + "/app");
        params.put("lti_message_hint", "hint-trainer");
        params.put("client_id", platform.clientId());
        params.put("lti_deployment_id", platform.deploymentId());
        return params;
    }

    static HttpResponse<String> post(LtiClient browser, Map<String, String> params) {
        return browser.send(
                "POST",
                LtiPaths.LOGIN,
                LtiClient.form(params),
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
    }

    long storedStates() {
        return jdbc.sql("select count(*) from oidc_state").query(Long.class).single();
    }

    @Test
    void aPostedLoginInitiationLeadsToALaunch() {
        TestPlatform moodle = newPlatform("moodle");
        LtiClient tab = LtiClient.withoutCookies(port);
        HttpResponse<String> step = post(tab, initiation(moodle));
        assertThat(step.statusCode()).as(step.body()).isEqualTo(200);
        assertThat(step.body()).contains("id=\"login-step\"");

        // The login step page, as login-step.js reads it: its secret for this tab, then the platform's URL.
        Map<String, String> data = new LinkedHashMap<>();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("data-([a-z]+)=\"([^\"]*)\"").matcher(step.body());
        while (m.find()) {
            data.put(m.group(1), m.group(2).replace("&amp;", "&"));
        }
        Map<String, String> authorization = LtiClient.queryOf(data.get("url"));
        assertThat(authorization)
                .containsEntry("response_type", "id_token")
                .containsEntry("login_hint", "trainer")
                .containsEntry("lti_message_hint", "hint-trainer")
                .containsEntry("state", data.get("state"));
        tab.sessionStorage().put("cqpi.launch." + data.get("state"), data.get("secret"));

        var claims = moodle.moodleLaunch("trainer", INSTRUCTOR, authorization.get("nonce"), "posted-course");
        claims.put(TestPlatform.LTI + "target_link_uri", "http://localhost:" + port + "/app");
        HttpResponse<String> page = tab.postLaunch(moodle.sign(claims), authorization.get("state"));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("posted-course");
    }

    @Test
    void aPostedLoginInitiationFromABrowserWithCookiesGoesStraightToThePlatform() {
        TestPlatform moodle = newPlatform("moodle");
        LtiClient browser = browser();
        browser.launch(moodle, "trainer", n -> moodle.moodleLaunch("trainer", INSTRUCTOR, n, "c"));
        HttpResponse<String> redirect = post(browser, initiation(moodle));
        assertThat(redirect.statusCode()).isEqualTo(302);
        Map<String, String> authorization =
                LtiClient.queryOf(redirect.headers().firstValue("Location").orElseThrow());
        assertThat(authorization).containsEntry("response_mode", "form_post").containsKey("state");

        var claims = moodle.moodleLaunch("trainer", INSTRUCTOR, authorization.get("nonce"), "second-course");
        claims.put(TestPlatform.LTI + "target_link_uri", "http://localhost:" + port + "/app");
        assertThat(browser.postLaunch(moodle.sign(claims), authorization.get("state"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(browser.get("/app").body()).contains("second-course");
    }

    @Test
    void aPostedLoginInitiationWithoutLoginHintIsRefused() {
        TestPlatform moodle = newPlatform("moodle");
        Map<String, String> params = initiation(moodle);
        params.remove("login_hint");
        long before = storedStates();
        HttpResponse<String> response = post(LtiClient.withoutCookies(port), params);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains(LaunchRefusal.MISSING_PARAMETER.name());
        assertThat(storedStates()).isEqualTo(before);
    }

    @Test
    void aClientIdThatNamesNoRegistrationOfTheIssuerIsRefusedAndNothingIsStored() {
        TestPlatform moodle = newPlatform("moodle");
        Map<String, String> params = initiation(moodle);
        // Blank: the issuer's only registration is found, but the login does not name it.
        params.put("client_id", "");
        long before = storedStates();
        for (HttpResponse<String> response : java.util.List.of(
                post(LtiClient.withoutCookies(port), params),
                LtiClient.withoutCookies(port).get(LtiPaths.LOGIN + "?" + LtiClient.form(params)))) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().allValues("Set-Cookie"))
                    .noneMatch(c -> c.startsWith(SessionConfiguration.COOKIE_NAME + "="));
        }
        assertThat(storedStates()).isEqualTo(before);
    }
}
