package fr.cqpi.lti;

import static fr.cqpi.support.TestPlatform.INSTRUCTOR;
import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.database.EmbeddedPostgresServer;
import fr.cqpi.support.LtiClient;
import fr.cqpi.support.TestApplications;
import fr.cqpi.support.TestPlatform;
import fr.cqpi.support.ToolIntegrationTest;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/** Two instances of the tool on one database, as behind a load balancer: launch state and nonces are shared. */
class SharedStateAcrossInstancesTest extends ToolIntegrationTest {

    static ConfigurableApplicationContext second;

    @Autowired
    EmbeddedPostgresServer database;

    @Autowired
    NonceStore nonces;

    TestPlatform moodle;

    @BeforeEach
    void startSecondInstance() {
        if (second == null) {
            second = TestApplications.start(Map.of(
                    "spring.datasource.url",
                    database.jdbcUrl(),
                    "spring.datasource.username",
                    database.username(),
                    "spring.datasource.password",
                    database.password()));
        }
        moodle = newPlatform("moodle");
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
            second = null;
        }
    }

    int secondPort() {
        return Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void aNonceIsUsedOnceWhicheverInstanceSeesIt() {
        String nonce = UUID.randomUUID().toString();
        Instant expiry = Instant.now().plusSeconds(300);
        assertThat(nonces.useOnce(moodle.platform().id(), nonce, expiry)).isTrue();
        assertThat(second.getBean(NonceStore.class).useOnce(moodle.platform().id(), nonce, expiry))
                .isFalse();
        assertThat(nonces.useOnce(moodle.platform().id(), nonce, expiry)).isFalse();
    }

    @Test
    void aCookielessLaunchStartedOnOneInstanceFinishesOnTheOther() {
        LtiClient onFirst = LtiClient.withoutCookies(port);
        LtiClient onSecond = onFirst.onPort(secondPort());
        LtiClient.LoginRedirect redirect = onFirst.initiateLogin(moodle, "teacher");
        var claims = moodle.moodleLaunch("teacher", INSTRUCTOR, redirect.nonce(), "course-x");
        // Both instances serve one base URL in production; here each has its own port.
        claims.put(TestPlatform.LTI + "target_link_uri", "http://localhost:" + secondPort() + "/app");
        var response = onSecond.postLaunch(moodle.sign(claims), redirect.state());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("course-x");
    }

    @Test
    void aReplayedLaunchIsRefusedByTheOtherInstance() {
        LtiClient onFirst = new LtiClient(port);
        LtiClient.LoginRedirect redirect = onFirst.initiateLogin(moodle, "teacher");
        String token = moodle.sign(moodle.moodleLaunch("teacher", INSTRUCTOR, redirect.nonce(), "course-x"));
        assertThat(onFirst.postLaunch(token, redirect.state()).statusCode()).isEqualTo(302);
        var replay = new LtiClient(secondPort()).postLaunch(token, redirect.state());
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(replay.body()).contains(LaunchRefusal.STATE_NOT_FOUND.name());
    }

    @Test
    void aSessionMadeOnOneInstanceWorksOnTheOther() {
        LtiClient client = new LtiClient(port);
        var response = client.launch(moodle, "teacher", n -> moodle.moodleLaunch("teacher", INSTRUCTOR, n, "course-y"));
        assertThat(response.statusCode()).isEqualTo(302);
        var onSecond = client.onPort(secondPort()).get("/app");
        assertThat(onSecond.statusCode()).isEqualTo(200);
        assertThat(onSecond.body()).contains("Cohorte");
        assertThat(new LtiClient(secondPort()).get("/app").statusCode())
                .as("no cookie, no session")
                .isEqualTo(401);
    }
}
