package fr.cqpi.lti;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static fr.cqpi.support.TestPlatform.INSTRUCTOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import fr.cqpi.support.LtiClient;
import fr.cqpi.support.TestPlatform;
import fr.cqpi.support.ToolIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The platform's key set is cached, and forged kids cannot make the tool hammer the platform. */
class PlatformKeysTest extends ToolIntegrationTest {

    @Autowired
    ToolKeys toolKeys;

    @Test
    void unknownKidsRefetchTheKeySetAtMostOncePerInterval() {
        TestPlatform moodle = newPlatform("moodle");
        LtiClient browser = browser();
        assertThat(browser.launch(moodle, "t", n -> moodle.moodleLaunch("t", INSTRUCTOR, n, "c"))
                        .statusCode())
                .isEqualTo(302);
        int afterFirstLaunch = LMS.countRequestsMatching(
                        getRequestedFor(urlPathEqualTo(moodle.jwksPath())).build())
                .getCount();
        assertThat(afterFirstLaunch).isEqualTo(1);

        for (int i = 0; i < 20; i++) {
            var redirect = browser.initiateLogin(moodle, "t");
            String forged = TestPlatform.sign(
                    moodle.moodleLaunch("t", INSTRUCTOR, redirect.nonce(), "c"), moodle.key(), "forged-kid-" + i);
            var response = browser.postLaunch(forged, redirect.state());
            assertThat(response.statusCode()).isEqualTo(401);
        }
        int afterFlood = LMS.countRequestsMatching(
                        getRequestedFor(urlPathEqualTo(moodle.jwksPath())).build())
                .getCount();
        assertThat(afterFlood - afterFirstLaunch).isBetween(1, 2);

        // The known key still works from the cache.
        assertThat(browser.launch(moodle, "t", n -> moodle.moodleLaunch("t", INSTRUCTOR, n, "c"))
                        .statusCode())
                .isEqualTo(302);
    }

    @Test
    void aRotatedPlatformKeyIsPickedUpOnItsFirstUse() {
        TestPlatform moodle = newPlatform("moodle");
        LtiClient browser = browser();
        assertThat(browser.launch(moodle, "t", n -> moodle.moodleLaunch("t", INSTRUCTOR, n, "c"))
                        .statusCode())
                .isEqualTo(302);
        TestPlatform rotated = new TestPlatform(LMS, moodle.issuer(), moodle.clientId(), moodle.deploymentId())
                .toolAt("http://localhost:" + port)
                .register(registry);
        assertThat(browser.launch(rotated, "t", n -> rotated.moodleLaunch("t", INSTRUCTOR, n, "c"))
                        .statusCode())
                .isEqualTo(302);
    }

    @Test
    void theToolPublishesItsKeyAndKeepsTheRetiredOneAfterRotation() throws Exception {
        LtiClient client = browser();
        JWKSet before = JWKSet.parse(client.get("/.well-known/jwks.json").body());
        RSAKey active = toolKeys.signingKey();
        assertThat(before.getKeyByKeyId(active.getKeyID())).isNotNull();
        assertThat(before.getKeys()).allSatisfy(k -> assertThat(k.isPrivate()).isFalse());

        String newKid = toolKeys.rotate();
        JWKSet after = JWKSet.parse(client.get("/.well-known/jwks.json").body());
        assertThat(after.getKeyByKeyId(newKid)).isNotNull();
        assertThat(after.getKeyByKeyId(active.getKeyID()))
                .as("retired key still published")
                .isNotNull();
        assertThat(toolKeys.signingKey().getKeyID()).isEqualTo(newKid);
        assertThat(((RSAKey) after.getKeyByKeyId(newKid)).size()).isEqualTo(2048);
    }
}
