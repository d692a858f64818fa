package fr.cqpi.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import fr.cqpi.lti.PlatformRegistry;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole tool on a random port over a real (embedded) PostgreSQL; test classes that extend it share
 * one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ToolIntegrationTest {

    protected static final WireMockServer LMS = SharedWireMock.get();

    @LocalServerPort
    protected int port;

    @Autowired
    protected PlatformRegistry registry;

    @Autowired
    protected JdbcClient jdbc;

    protected LtiClient browser() {
        return new LtiClient(port);
    }

    /** A browser launched into {@code course} of {@code platform} as {@code sub} with {@code role}. */
    protected LtiClient launched(TestPlatform platform, String sub, String role, String course) {
        return launched(platform, sub, role, course, claims -> {});
    }

    /** The same, with the platform's claims changed first (names, mentees, locale…). */
    protected LtiClient launched(
            TestPlatform platform, String sub, String role, String course, Consumer<Map<String, Object>> change) {
        LtiClient client = browser();
        HttpResponse<String> response = client.launch(platform, sub, nonce -> {
            Map<String, Object> claims = platform.moodleLaunch(sub, role, nonce, course);
            change.accept(claims);
            return claims;
        });
        assertThat(response.statusCode()).as("launch of " + sub).isEqualTo(302);
        return client;
    }

    /** A platform registered under a fresh issuer, so that tests never see each other's data. */
    protected TestPlatform newPlatform(String name) {
        String unique = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        return new TestPlatform(LMS, "https://" + unique + ".lms.example", unique, "deployment-1")
                .toolAt("http://localhost:" + port)
                .register(registry);
    }
}
