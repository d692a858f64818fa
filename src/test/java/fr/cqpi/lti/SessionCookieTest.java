package fr.cqpi.lti;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.LtiClient;
import fr.cqpi.support.TestPlatform;
import fr.cqpi.support.ToolIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The session cookie inside LMS iframes: partitioned and SameSite=None over HTTPS, Lax over plain HTTP. */
class SessionCookieTest extends ToolIntegrationTest {

    String loginUrl(TestPlatform platform) {
        return "/lti/login?"
                + LtiClient.form(Map.of(
                        "iss",
                        platform.issuer(),
                        "login_hint",
                        "u",
                        "target_link_uri",
                        "https://tool.example/app",
                        "client_id",
                        platform.clientId()));
    }

    @Test
    void overHttpsTheCookieIsPartitionedAndCrossSite() {
        TestPlatform moodle = newPlatform("moodle");
        var response = browser().get(loginUrl(moodle), Map.of("X-Forwarded-Proto", "https"));
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).contains("redirect_uri=https");
        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("CQPI_SESSION="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie)
                .contains("; Secure")
                .contains("; HttpOnly")
                .contains("; SameSite=None")
                .contains("; Partitioned")
                .contains("; Path=/");
    }

    @Test
    void overPlainHttpTheCookieIsLax() {
        TestPlatform moodle = newPlatform("moodle");
        var response = browser().get(loginUrl(moodle));
        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("CQPI_SESSION="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie)
                .contains("SameSite=Lax")
                .doesNotContain("Partitioned")
                .doesNotContain("Secure");
    }
}
