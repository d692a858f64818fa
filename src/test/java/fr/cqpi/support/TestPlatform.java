package fr.cqpi.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import fr.cqpi.lti.Platform;
import fr.cqpi.lti.PlatformDefinition;
import fr.cqpi.lti.PlatformRegistry;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * An LMS for tests: its key set is served over real HTTP by WireMock, it is registered in the tool's
 * registry like any platform, and it signs id_tokens shaped like Moodle's or Canvas's.
 */
public final class TestPlatform {

    public static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    public static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
    public static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
    public static final String MENTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor";
    public static final String OBSERVER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Observer";

    private final WireMockServer wireMock;
    private final RSAKey key;
    private final String issuer;
    private final String clientId;
    private final String deploymentId;
    private Platform platform;
    private String toolBase = "http://localhost";

    public TestPlatform(WireMockServer wireMock, String issuer, String clientId, String deploymentId) {
        this.wireMock = wireMock;
        this.issuer = issuer;
        this.clientId = clientId;
        this.deploymentId = deploymentId;
        this.key = newKey();
    }

    /** The tool's base URL, which launches name in their target_link_uri. */
    public TestPlatform toolAt(String base) {
        this.toolBase = base;
        return this;
    }

    public static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Serves the key set and registers the platform (idempotent). */
    public TestPlatform register(PlatformRegistry registry) {
        wireMock.stubFor(get(urlPathEqualTo(jwksPath()))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(new JWKSet(key.toPublicJWK()).toString())));
        platform = registry.upsert(new PlatformDefinition(
                "Test " + clientId,
                issuer,
                clientId,
                List.of(deploymentId),
                wireMock.baseUrl() + "/" + clientId + "/auth",
                wireMock.baseUrl() + "/" + clientId + "/token",
                wireMock.baseUrl() + jwksPath()));
        return this;
    }

    public String jwksPath() {
        return "/" + clientId + "/jwks";
    }

    public Platform platform() {
        return platform;
    }

    public String issuer() {
        return issuer;
    }

    public String clientId() {
        return clientId;
    }

    public String deploymentId() {
        return deploymentId;
    }

    public RSAKey key() {
        return key;
    }

    /** The claim by which a Mentor launch names its mentees (Canvas's role_scope_mentor), for a launch to add. */
    public static Consumer<Map<String, Object>> mentorOf(String... learners) {
        return claims -> claims.put(LTI + "role_scope_mentor", List.of(learners));
    }

    /** Claims of a Moodle 4.x resource-link launch (with Moodle's ext claim). */
    public Map<String, Object> moodleLaunch(String sub, String role, String nonce, String contextId) {
        Map<String, Object> claims = baseClaims(sub, role, nonce);
        claims.put("name", "Prénom " + sub);
        claims.put("given_name", "Prénom");
        claims.put("family_name", sub);
        claims.put("email", sub + "@moodle.example");
        claims.put(
                LTI + "context",
                Map.of(
                        "id",
                        contextId,
                        "label",
                        "CQPI",
                        "title",
                        "CQPI Assistant(e) " + contextId,
                        "type",
                        List.of("CourseSection")));
        claims.put(
                LTI + "launch_presentation",
                Map.of(
                        "locale",
                        "fr",
                        "document_target",
                        "iframe",
                        "return_url",
                        "https://moodle.example/mod/lti/return.php"));
        claims.put(
                LTI + "tool_platform",
                Map.of(
                        "product_family_code",
                        "moodle",
                        "version",
                        "2024100700",
                        "guid",
                        "moodle.example",
                        "name",
                        "Moodle"));
        claims.put(LTI + "lis", Map.of("person_sourcedid", "", "course_section_sourcedid", ""));
        claims.put(LTI + "ext", Map.of("user_username", sub, "lms", "moodle-2"));
        claims.put(LTI + "custom", Map.of("context_memberships_url", "x"));
        claims.put(
                "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint",
                Map.of(
                        "scope",
                        List.of(
                                "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
                                "https://purl.imsglobal.org/spec/lti-ags/scope/score"),
                        "lineitems",
                        "https://moodle.example/mod/lti/services.php/2/lineitems?type_id=1"));
        claims.put(
                "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice",
                Map.of(
                        "context_memberships_url",
                        "https://moodle.example/mod/lti/services.php/CourseSection/2/bindings/1/memberships",
                        "service_versions",
                        List.of("1.0", "2.0")));
        return claims;
    }

    /** Claims of a Canvas resource-link launch (placement, LTI 1.1 migration claims, custom variables). */
    public Map<String, Object> canvasLaunch(String sub, String role, String nonce, String contextId) {
        Map<String, Object> claims = baseClaims(sub, role, nonce);
        claims.put("name", "Canvas " + sub);
        claims.put("email", sub + "@canvas.example");
        claims.put("locale", "en");
        claims.put("picture", "https://canvas.example/images/messages/avatar-50.png");
        claims.put(
                LTI + "context",
                Map.of(
                        "id",
                        contextId,
                        "label",
                        "CQPI",
                        "title",
                        "CQPI Canvas " + contextId,
                        "type",
                        List.of("http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering"),
                        "validation_context",
                        ""));
        claims.put(
                LTI + "launch_presentation",
                Map.of("locale", "en", "document_target", "iframe", "height", 400, "width", 800));
        claims.put("https://www.instructure.com/placement", "course_navigation");
        claims.put(LTI + "lti1p1", Map.of("user_id", "abc123", "resource_link_id", "def456"));
        claims.put(LTI + "custom", Map.of("canvas_course_id", 42, "canvas_user_id", 7));
        claims.put(LTI + "lti11_legacy_user_id", "abc123");
        claims.put("errors", Map.of("errors", Map.of()));
        claims.put(
                "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint",
                Map.of(
                        "scope",
                        List.of("https://purl.imsglobal.org/spec/lti-ags/scope/lineitem"),
                        "lineitems",
                        "https://canvas.example/api/lti/courses/42/line_items"));
        return claims;
    }

    public Map<String, Object> baseClaims(String sub, String role, String nonce) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("aud", clientId);
        claims.put("azp", clientId);
        claims.put("sub", sub);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plusSeconds(300).getEpochSecond());
        claims.put("nonce", nonce);
        claims.put(LTI + "message_type", "LtiResourceLinkRequest");
        claims.put(LTI + "version", "1.3.0");
        claims.put(LTI + "deployment_id", deploymentId);
        claims.put(LTI + "target_link_uri", toolBase + "/app");
        claims.put(LTI + "resource_link", Map.of("id", "link-" + UUID.randomUUID(), "title", "Grille CQPI"));
        claims.put(LTI + "roles", role == null ? List.of() : List.of(role));
        return claims;
    }

    public String sign(Map<String, Object> claims) {
        return sign(claims, key, key.getKeyID());
    }

    /** A signer per key: making one reads the private key from its JWK form again (most of a signature's cost). */
    private static final Map<RSAKey, RSASSASigner> SIGNERS = new ConcurrentHashMap<>();

    private static RSASSASigner signer(RSAKey key) {
        try {
            return new RSASSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sign(Map<String, Object> claims, RSAKey signingKey, String kid) {
        try {
            JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
            claims.forEach((name, value) -> builder.claim(
                    name,
                    value instanceof Long l && (name.equals("iat") || name.equals("exp"))
                            ? new Date(l * 1000)
                            : value));
            JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT);
            if (kid != null) {
                header.keyID(kid);
            }
            SignedJWT jwt = new SignedJWT(header.build(), builder.build());
            jwt.sign(SIGNERS.computeIfAbsent(signingKey, TestPlatform::signer));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
