package fr.cqpi.lti;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.LtiClient;
import fr.cqpi.support.TestPlatform;
import fr.cqpi.support.ToolIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.web.http.CookieSerializer;

class SessionCookieTest extends ToolIntegrationTest {

    String loginUrl(TestPlatform platform) {
        return "/lti/login?"
                + LtiClient.form(Map.of(
                        "iss",
                        platform.issuer(),
                        "login_hint",
                        "u",
                        "target_link_uri",
                        "http://localhost:" + port + "/app",
                        "client_id",
                        platform.clientId()));
    }

    static String cookieFor(String baseUrl) {
        CookieSerializer serializer = SessionConfiguration.cookieSerializer(
                new ToolBaseUrl(new MockEnvironment().withProperty("cqpi.base-url", baseUrl)));
        MockHttpServletResponse response = new MockHttpServletResponse();
        serializer.writeCookieValue(
                new CookieSerializer.CookieValue(new MockHttpServletRequest(), response, "session-id"));
        return response.getHeader("Set-Cookie");
    }

    @Test
    void overHttpsTheCookieIsPartitionedAndCrossSite() {
        assertThat(cookieFor("https://cqpi.example.org"))
                .startsWith(SessionConfiguration.COOKIE_NAME + "=")
                .contains("; Secure")
                .contains("; HttpOnly")
                .contains("; SameSite=None")
                .contains("; Partitioned")
                .contains("; Path=/");
    }

    @Test
    void overPlainHttpTheCookieIsLax() {
        assertThat(cookieFor("http://localhost:8080"))
                .contains("SameSite=Lax")
                .doesNotContain("Partitioned")
                .doesNotContain("Secure");
    }

    @Test
    void forwardedHeadersFromAClientChangeNeitherTheCookieNorTheRedirectUri() {
        TestPlatform moodle = newPlatform("moodle");
        var response = browser()
                .get(
                        loginUrl(moodle),
                        Map.of(
                                "X-Forwarded-Proto",
                                "https",
                                "X-Forwarded-Host",
                                "evil.example",
                                "Forwarded",
                                "host=evil.example;proto=https"));
        // A first visit brings no cookie: the login step page goes on to the platform.
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("redirect_uri=http://localhost:" + port + "/lti/launch")
                .doesNotContain("evil");
        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("CQPI_SESSION="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).contains("SameSite=Lax").doesNotContain("Partitioned");
    }
}
