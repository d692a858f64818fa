package fr.cqpi.lti;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.LtiClient;
import fr.cqpi.support.TestPlatform;
import fr.cqpi.support.ToolIntegrationTest;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The login step page written into its markup rendered once is, byte for byte, the page Thymeleaf renders for the
 * same values: with and without the platform's storage target (two shapes), with values that need escaping.
 */
class LoginStepPageTest extends ToolIntegrationTest {

    @Autowired
    LoginStepPage loginStepPage;

    @AfterEach
    void precomputedAgain() {
        loginStepPage.precomputed = true;
    }

    @Test
    void bothWaysGiveTheSamePage() {
        TestPlatform canvas = newPlatform("canvas");
        for (String target : new String[] {null, "post_message_forwarding", "frame \"<&'é>"}) {
            Map<String, String> params = new HashMap<>(Map.of(
                    "iss",
                    canvas.issuer(),
                    "login_hint",
                    "u <1> & \"é\"",
                    "target_link_uri",
                    "http://localhost:" + port + "/app",
                    "lti_message_hint",
                    "{\"launchid\":\"ltilaunch1_42\"}",
                    "client_id",
                    canvas.clientId()));
            if (target != null) {
                params.put("lti_storage_target", target);
            }
            loginStepPage.precomputed = false;
            String rendered = normalised(
                    LtiClient.withoutCookies(port).initiateLogin(params).body());
            loginStepPage.precomputed = true;
            String written = normalised(
                    LtiClient.withoutCookies(port).initiateLogin(params).body());
            String writtenAgain = normalised(
                    LtiClient.withoutCookies(port).initiateLogin(params).body());

            assertThat(written).as("target " + target).isEqualTo(rendered).isEqualTo(writtenAgain);
            assertThat(written).contains("id=\"login-step\"").contains("login_hint=u+%3C1%3E+%26+%22%C3%A9%22");
            if (target == null) {
                assertThat(written).doesNotContain("data-target").doesNotContain("data-nonce");
            } else {
                assertThat(written)
                        .contains("data-target=\""
                                + target.replace("&", "&amp;")
                                        .replace("\"", "&quot;")
                                        .replace("<", "&lt;")
                                        .replace(">", "&gt;")
                                        .replace("'", "&#39;")
                                + "\"");
            }
        }
    }

    /** The page with its per-launch random values (state, nonce, secret) replaced by their names. */
    private static String normalised(String page) {
        String out = page;
        for (String name : new String[] {"state", "nonce", "secret"}) {
            Matcher value = Pattern.compile("data-" + name + "=\"([^\"]+)\"").matcher(page);
            if (value.find()) {
                out = out.replace(value.group(1), "{" + name + "}");
            }
        }
        // Without a storage target the nonce is only in the authorization URL.
        return out.replaceAll("nonce=[A-Za-z0-9_%-]+", "nonce={nonce}");
    }
}
