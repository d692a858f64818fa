package fr.cqpi.lti;

import static fr.cqpi.support.TestPlatform.INSTRUCTOR;
import static fr.cqpi.support.TestPlatform.LEARNER;
import static fr.cqpi.support.TestPlatform.LTI;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import fr.cqpi.support.LtiClient;
import fr.cqpi.support.TestPlatform;
import fr.cqpi.support.ToolIntegrationTest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Deep Linking 2.0: placing the grid or one bloc, the signed response checked claim by claim. */
class DeepLinkingTest extends ToolIntegrationTest {

    static final String DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";

    TestPlatform moodle;

    @BeforeEach
    void platform() {
        moodle = newPlatform("moodle");
    }

    LtiClient deepLinkingLaunch(String role, boolean acceptMultiple, Boolean acceptLineItem) {
        LtiClient client = browser();
        var response = client.launch(moodle, "teacher", n -> {
            Map<String, Object> c = moodle.moodleLaunch("teacher", role, n, "course-dl");
            c.put(LTI + "message_type", "LtiDeepLinkingRequest");
            c.remove(LTI + "resource_link");
            c.remove(LTI + "target_link_uri");
            Map<String, Object> settings = new HashMap<>(Map.of(
                    "deep_link_return_url",
                    "https://moodle.example/mod/lti/contentitem_return.php",
                    "accept_types",
                    List.of("ltiResourceLink"),
                    "accept_presentation_document_targets",
                    List.of("iframe", "window"),
                    "accept_multiple",
                    acceptMultiple,
                    "auto_create",
                    true,
                    "data",
                    "opaque-platform-data"));
            if (acceptLineItem != null) {
                settings.put("accept_lineitem", acceptLineItem);
            }
            c.put(DL + "deep_linking_settings", settings);
            return c;
        });
        assertThat(response.statusCode()).isEqualTo(302);
        return client;
    }

    SignedJWT respond(LtiClient client, String form) {
        String page = client.get("/app").body();
        assertThat(page).contains("Ajouter la grille au cours");
        Map<String, String> headers = new HashMap<>(client.csrfHeaders(page));
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        var response = client.send("POST", "/app/deep-linking", form, headers);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("action=\"https://moodle.example/mod/lti/contentitem_return.php\"");
        Matcher jwt = Pattern.compile("name=\"JWT\" value=\"([^\"]+)\"").matcher(response.body());
        assertThat(jwt.find()).isTrue();
        try {
            return SignedJWT.parse(jwt.group(1));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void placingABlocAnswersASignedResponseWithItsLineItem() throws Exception {
        LtiClient teacher = deepLinkingLaunch(INSTRUCTOR, true, true);
        SignedJWT jwt = respond(teacher, "item=B2");

        JWKSet keys = JWKSet.parse(teacher.get("/.well-known/jwks.json").body());
        RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(moodle.clientId());
        assertThat(claims.getAudience()).containsExactly(moodle.issuer());
        assertThat(claims.getExpirationTime().toInstant()).isAfter(Instant.now());
        assertThat(claims.getIssueTime().toInstant()).isBefore(Instant.now().plusSeconds(1));
        assertThat(claims.getStringClaim("nonce")).isNotBlank();
        assertThat(claims.getStringClaim(LTI + "message_type")).isEqualTo("LtiDeepLinkingResponse");
        assertThat(claims.getStringClaim(LTI + "version")).isEqualTo("1.3.0");
        assertThat(claims.getStringClaim(LTI + "deployment_id")).isEqualTo(moodle.deploymentId());
        assertThat(claims.getStringClaim(DL + "data")).isEqualTo("opaque-platform-data");
        List<Object> items = claims.getListClaim(DL + "content_items");
        assertThat(items).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> item = (Map<String, Object>) items.get(0);
        assertThat(item)
                .containsEntry("type", "ltiResourceLink")
                .containsEntry("title", "B2 — Organisation des activités");
        assertThat(item.get("url").toString()).endsWith("/app");
        assertThat(item.get("custom")).isEqualTo(Map.of("bloc", "B2"));
        assertThat(item.get("lineItem"))
                .isEqualTo(Map.of(
                        "label",
                        "B2 — Organisation des activités",
                        "scoreMaximum",
                        100L,
                        "resourceId",
                        "B2",
                        "tag",
                        "cqpi-bloc"));
    }

    @Test
    void theWholeGridAndSeveralBlocsWhenThePlatformAcceptsSeveral() throws Exception {
        SignedJWT jwt = respond(deepLinkingLaunch(INSTRUCTOR, true, true), "item=GRID&item=B1&item=B4");
        List<Object> items = jwt.getJWTClaimsSet().getListClaim(DL + "content_items");
        assertThat(items).hasSize(3);
        @SuppressWarnings("unchecked")
        Map<String, Object> grid = (Map<String, Object>) items.get(0);
        assertThat(grid).doesNotContainKey("lineItem").doesNotContainKey("custom");
    }

    @Test
    void acceptMultipleAndAcceptLineItemAreHonoured() throws Exception {
        SignedJWT jwt = respond(deepLinkingLaunch(INSTRUCTOR, false, false), "item=B1&item=B3");
        List<Object> items = jwt.getJWTClaimsSet().getListClaim(DL + "content_items");
        assertThat(items).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> item = (Map<String, Object>) items.get(0);
        assertThat(item).doesNotContainKey("lineItem").containsEntry("custom", Map.of("bloc", "B1"));
    }

    @Test
    void aLearnerCannotPlaceContent() {
        LtiClient learner = deepLinkingLaunch(LEARNER, true, true);
        assertThat(learner.get("/app").statusCode()).isEqualTo(403);
    }

    @Test
    void aPlacedBlocLaunchesOnItsBloc() {
        LtiClient learner = browser();
        learner.launch(moodle, "learner", n -> {
            Map<String, Object> c = moodle.moodleLaunch("learner", LEARNER, n, "course-dl");
            c.put(LTI + "custom", Map.of("bloc", "B3"));
            c.put(LTI + "resource_link", Map.of("id", "placed-b3", "title", "B3"));
            return c;
        });
        String page = learner.get("/app").body();
        assertThat(page).containsPattern("id=\"tab-B3\"[^>]*aria-selected=\"true\"");
        assertThat(page).containsPattern("id=\"tab-B1\"[^>]*aria-selected=\"false\"");
    }
}
