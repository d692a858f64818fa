package fr.cqpi.lti;

import static fr.cqpi.support.TestPlatform.INSTRUCTOR;
import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.LtiClient;
import fr.cqpi.support.TestPlatform;
import fr.cqpi.support.ToolIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Login CSRF: an attacker's own valid id_token and state, posted from a victim's browser, must not turn the
 * victim's session into the attacker's course; without cookies, an attacker's handover code (a link, a form)
 * opens nothing in another tab than the one that made the launch.
 */
class LaunchBelongsToItsBrowserTest extends ToolIntegrationTest {

    @Test
    void anAttackersLaunchPostedFromAVictimsBrowserWithCookiesIsRefused() {
        TestPlatform moodle = newPlatform("moodle");
        LtiClient victim = browser();
        victim.launch(moodle, "victim", n -> moodle.moodleLaunch("victim", INSTRUCTOR, n, "victim-course"));
        assertThat(victim.get("/app").body()).contains("victim-course");

        // The attacker starts a launch of their own (their browser, their course) and does not finish it.
        LtiClient attacker = browser();
        LtiClient.LoginRedirect login = attacker.initiateLogin(moodle, "attacker");
        var claims = moodle.moodleLaunch("attacker", INSTRUCTOR, login.nonce(), "attacker-course");
        claims.put(TestPlatform.LTI + "target_link_uri", "http://localhost:" + port + "/app");
        String idToken = moodle.sign(claims);

        // An auto-submitting form on the attacker's page posts it from the victim's browser (cookies included).
        var forged = victim.postLaunch(idToken, login.state());
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains(LaunchRefusal.STATE_NOT_FOUND.name());
        var page = victim.get("/app");
        assertThat(page.body()).contains("victim-course").doesNotContain("attacker-course");
        // Only the browser that started the launch can finish it.
        assertThat(attacker.postLaunch(idToken, login.state()).statusCode()).isEqualTo(302);
    }

    @Test
    void aCookielessLaunchOpensTheToolInTheTabThatStartedIt() {
        TestPlatform moodle = newPlatform("moodle");
        LtiClient tab = LtiClient.withoutCookies(port);
        var page = tab.launch(moodle, "trainer", n -> moodle.moodleLaunch("trainer", INSTRUCTOR, n, "own-course"));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("own-course").contains("<meta name=\"cqpi-session\"");
        assertThat(page.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(tab.sessionStorage()).as("the secret is used once").isEmpty();
        String session = LtiClient.sessionToken(page.body()).orElseThrow();
        assertThat(tab.get("/app", Map.of(LaunchSessionIdResolver.HEADER, session))
                        .body())
                .contains("own-course");
    }

    @Test
    void anAttackersHandoverCodeOpensNothingInAnotherTab() {
        TestPlatform moodle = newPlatform("moodle");
        LtiClient attacker = LtiClient.withoutCookies(port);
        LtiClient.LoginRedirect login = attacker.initiateLogin(moodle, "attacker");
        assertThat(login.status())
                .as("a browser without cookies gets the login step")
                .isEqualTo(200);
        String secret = attacker.sessionStorage().get("cqpi.launch." + login.state());
        assertThat(secret).isNotBlank();
        var claims = moodle.moodleLaunch("attacker", INSTRUCTOR, login.nonce(), "attacker-course");
        claims.put(TestPlatform.LTI + "target_link_uri", "http://localhost:" + port + "/app");
        var handoverPage = attacker.postLaunchOnly(moodle.sign(claims), login.state());
        assertThat(handoverPage.statusCode()).isEqualTo(200);
        assertThat(handoverPage.body())
                // The script file, fingerprinted (StaticAssets).
                .containsPattern("<script src=\"/js/handover-[0-9a-f]{32}\\.js\" defer></script>")
                .doesNotContain(secret)
                .doesNotContainPattern("<script>");
        String code = codeOf(handoverPage.body());

        LtiClient victim = LtiClient.withoutCookies(port);
        // A link to the first page with the code, as the tool once accepted it.
        assertThat(victim.get("/app?handover=" + code).statusCode()).isEqualTo(401);
        // A form post of the code, without this tab's secret or with another.
        var withoutSecret = victim.postHandover(code, null);
        assertThat(withoutSecret.statusCode()).isEqualTo(400);
        assertThat(withoutSecret.body())
                .contains(LaunchRefusal.HANDOVER_REFUSED.name())
                .doesNotContain("attacker-course");
        assertThat(victim.postHandover(code, "guessed-" + secret.substring(8)).statusCode())
                .isEqualTo(400);
        // A code presented with a wrong secret is spent: even the right tab cannot use it afterwards.
        assertThat(attacker.postHandover(code, secret).statusCode()).isEqualTo(400);
    }

    @Test
    void anAttackersLaunchPostedFromAVictimsCookielessTabOpensNothing() {
        TestPlatform moodle = newPlatform("moodle");
        LtiClient attacker = LtiClient.withoutCookies(port);
        LtiClient.LoginRedirect login = attacker.initiateLogin(moodle, "attacker");
        var claims = moodle.moodleLaunch("attacker", INSTRUCTOR, login.nonce(), "attacker-course");
        claims.put(TestPlatform.LTI + "target_link_uri", "http://localhost:" + port + "/app");

        // The victim's tab started a launch of its own: it holds a secret, for its own state only.
        LtiClient victim = LtiClient.withoutCookies(port);
        victim.initiateLogin(moodle, "victim");
        var forged = victim.postLaunchOnly(moodle.sign(claims), login.state());
        assertThat(forged.statusCode()).isEqualTo(200);
        assertThat(forged.body()).doesNotContain("attacker-course");
        assertThat(victim.sessionStorage()).doesNotContainKey("cqpi.launch." + login.state());
        String code = codeOf(forged.body());
        for (String secret : victim.sessionStorage().values()) {
            assertThat(victim.postHandover(code, secret).statusCode()).isEqualTo(400);
        }
    }

    private static String codeOf(String handoverPage) {
        var code = LtiClient.handoverCode(handoverPage);
        assertThat(code).as("handover page carries a code").isPresent();
        return code.get();
    }
}
