package fr.cqpi.lti;

import static fr.cqpi.support.TestPlatform.INSTRUCTOR;
import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.LtiClient;
import fr.cqpi.support.TestPlatform;
import fr.cqpi.support.ToolIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Login CSRF: an attacker's own valid id_token and state, posted from a victim's browser, must not turn the
 * victim's session into the attacker's course.
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
}
