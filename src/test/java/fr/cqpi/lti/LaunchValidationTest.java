package fr.cqpi.lti;

import static fr.cqpi.support.TestPlatform.INSTRUCTOR;
import static fr.cqpi.support.TestPlatform.LEARNER;
import static fr.cqpi.support.TestPlatform.LTI;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import fr.cqpi.course.ToolRole;
import fr.cqpi.support.LtiClient;
import fr.cqpi.support.TestPlatform;
import fr.cqpi.support.ToolIntegrationTest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The 1EdTech LTI Advantage certification's launches (LTI 1.3 core, "Known bad payloads" and the
 * valid instructor and learner launches), plus the other ways a launch can be wrong.
 */
class LaunchValidationTest extends ToolIntegrationTest {

    TestPlatform moodle;
    LtiClient browser;

    @BeforeEach
    void setUp() {
        moodle = newPlatform("moodle");
        browser = browser();
    }

    /** Launch with Moodle-shaped claims, changed by {@code change}, signed by the platform. */
    HttpResponse<String> launchWith(Consumer<Map<String, Object>> change) {
        return browser.launch(moodle, "user-1", nonce -> {
            Map<String, Object> claims = moodle.moodleLaunch("user-1", INSTRUCTOR, nonce, "course-1");
            change.accept(claims);
            return claims;
        });
    }

    HttpResponse<String> launchSigned(java.util.function.Function<String, String> tokenForNonce) {
        LtiClient.LoginRedirect redirect = browser.initiateLogin(moodle, "user-1");
        return browser.postLaunch(tokenForNonce.apply(redirect.nonce()), redirect.state());
    }

    /**
     * A JWT's first segment and its dot: the id_token echoed. Not "eyJ" alone, which a page's random
     * CSRF token contains about once in three thousand pages.
     */
    static final String JWT_SEGMENT = "eyJ[A-Za-z0-9_-]+\\.";

    static void assertRefused(HttpResponse<String> response, int status, LaunchRefusal refusal) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body())
                .contains(refusal.name())
                .contains("Lancement refusé")
                .doesNotContain("Exception")
                .doesNotContain("at fr.cqpi")
                .doesNotContainPattern(JWT_SEGMENT);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    }

    @Nested
    class KnownBadPayloads {

        @Test
        void noKidInTheJwtHeader() {
            var response = launchSigned(nonce ->
                    TestPlatform.sign(moodle.moodleLaunch("user-1", INSTRUCTOR, nonce, "c"), moodle.key(), null));
            assertRefused(response, 401, LaunchRefusal.MISSING_KID);
        }

        @Test
        void incorrectKidInTheJwtHeader() {
            var response = launchSigned(nonce -> TestPlatform.sign(
                    moodle.moodleLaunch("user-1", INSTRUCTOR, nonce, "c"), moodle.key(), "imstester_66067"));
            assertRefused(response, 401, LaunchRefusal.UNKNOWN_KID);
        }

        @Test
        void wrongLtiVersion() {
            assertRefused(launchWith(c -> c.put(LTI + "version", "1.2.0")), 400, LaunchRefusal.WRONG_VERSION);
        }

        @Test
        void noLtiVersion() {
            assertRefused(launchWith(c -> c.remove(LTI + "version")), 400, LaunchRefusal.MISSING_VERSION);
        }

        @Test
        void invalidLtiMessage() {
            var response = launchSigned(nonce -> moodle.sign(Map.of("name", "badltilaunch")));
            assertThat(response.statusCode()).isIn(400, 401);
            assertThat(response.body()).contains("Lancement refusé").doesNotContainPattern(JWT_SEGMENT);
        }

        @Test
        void missingLtiClaims() {
            var response = launchWith(c -> {
                c.remove(LTI + "message_type");
                c.remove(LTI + "version");
                c.remove(LTI + "roles");
                c.remove(LTI + "deployment_id");
                c.remove(LTI + "resource_link");
            });
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("Lancement refusé");
        }

        @Test
        void timestampsIncorrect() {
            assertRefused(
                    launchWith(c -> {
                        c.put("iat", 11111L);
                        c.put("exp", 22222L);
                    }),
                    401,
                    LaunchRefusal.EXPIRED);
        }

        @Test
        void messageTypeClaimMissing() {
            assertRefused(launchWith(c -> c.remove(LTI + "message_type")), 400, LaunchRefusal.MISSING_MESSAGE_TYPE);
        }

        @Test
        void roleClaimMissing() {
            assertRefused(launchWith(c -> c.remove(LTI + "roles")), 400, LaunchRefusal.MISSING_ROLES);
        }

        @Test
        void deploymentIdClaimMissing() {
            assertRefused(launchWith(c -> c.remove(LTI + "deployment_id")), 400, LaunchRefusal.MISSING_DEPLOYMENT_ID);
        }

        @Test
        void resourceLinkIdClaimMissing() {
            assertRefused(
                    launchWith(c -> c.put(LTI + "resource_link", Map.of("title", "no id"))),
                    400,
                    LaunchRefusal.MISSING_RESOURCE_LINK);
        }

        @Test
        void userClaimMissing() {
            assertRefused(launchWith(c -> c.remove("sub")), 400, LaunchRefusal.MISSING_SUB);
        }
    }

    @Nested
    class OtherBadLaunches {

        @Test
        void signedByAnotherKeyWithTheSameKid() {
            var response = launchSigned(nonce -> TestPlatform.sign(
                    moodle.moodleLaunch("user-1", INSTRUCTOR, nonce, "c"),
                    TestPlatform.newKey(),
                    moodle.key().getKeyID()));
            assertRefused(response, 401, LaunchRefusal.BAD_SIGNATURE);
        }

        @Test
        void hmacSignedToken() throws Exception {
            var response = launchSigned(nonce -> {
                try {
                    SignedJWT jwt = new SignedJWT(
                            new JWSHeader.Builder(JWSAlgorithm.HS256)
                                    .keyID(moodle.key().getKeyID())
                                    .build(),
                            JWTClaimsSet.parse(moodle.moodleLaunch("user-1", INSTRUCTOR, nonce, "c")));
                    jwt.sign(new MACSigner(new byte[32]));
                    return jwt.serialize();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertRefused(response, 401, LaunchRefusal.UNSUPPORTED_ALGORITHM);
        }

        @Test
        void unsignedToken() throws Exception {
            var response = launchSigned(nonce -> {
                try {
                    return new PlainJWT(JWTClaimsSet.parse(moodle.moodleLaunch("user-1", INSTRUCTOR, nonce, "c")))
                            .serialize();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertRefused(response, 401, LaunchRefusal.MALFORMED_TOKEN);
        }

        @Test
        void garbageToken() {
            assertRefused(launchSigned(nonce -> "not.a.jwt"), 401, LaunchRefusal.MALFORMED_TOKEN);
        }

        @Test
        void wrongIssuer() {
            assertRefused(launchWith(c -> c.put("iss", "https://evil.example")), 401, LaunchRefusal.WRONG_ISSUER);
        }

        @Test
        void wrongAudience() {
            assertRefused(
                    launchWith(c -> {
                        c.put("aud", "another-tool");
                        c.remove("azp");
                    }),
                    401,
                    LaunchRefusal.WRONG_AUDIENCE);
        }

        @Test
        void severalAudiencesWithoutAzp() {
            assertRefused(
                    launchWith(c -> {
                        c.put("aud", List.of(moodle.clientId(), "another-tool"));
                        c.remove("azp");
                    }),
                    401,
                    LaunchRefusal.WRONG_AZP);
        }

        @Test
        void azpNamingAnotherClient() {
            assertRefused(launchWith(c -> c.put("azp", "another-tool")), 401, LaunchRefusal.WRONG_AZP);
        }

        @Test
        void expired() {
            assertRefused(
                    launchWith(c -> {
                        c.put("iat", Instant.now().minusSeconds(400).getEpochSecond());
                        c.put("exp", Instant.now().minusSeconds(120).getEpochSecond());
                    }),
                    401,
                    LaunchRefusal.EXPIRED);
        }

        @Test
        void issuedInTheFuture() {
            assertRefused(
                    launchWith(c -> {
                        c.put("iat", Instant.now().plusSeconds(600).getEpochSecond());
                        c.put("exp", Instant.now().plusSeconds(900).getEpochSecond());
                    }),
                    401,
                    LaunchRefusal.ISSUED_IN_FUTURE);
        }

        @Test
        void issuedTooLongAgo() {
            assertRefused(
                    launchWith(
                            c -> c.put("iat", Instant.now().minusSeconds(3600).getEpochSecond())),
                    401,
                    LaunchRefusal.TOO_OLD);
        }

        @Test
        void nonceOfAnotherLogin() {
            assertRefused(launchWith(c -> c.put("nonce", "some-other-nonce")), 401, LaunchRefusal.NONCE_MISMATCH);
        }

        @Test
        void unsupportedMessageType() {
            assertRefused(
                    launchWith(c -> c.put(LTI + "message_type", "LtiStartProctoring")),
                    400,
                    LaunchRefusal.UNSUPPORTED_MESSAGE_TYPE);
        }

        @Test
        void deploymentNotRegistered() {
            assertRefused(
                    launchWith(c -> c.put(LTI + "deployment_id", "unknown-deployment")),
                    403,
                    LaunchRefusal.UNKNOWN_DEPLOYMENT);
        }

        @Test
        void deploymentOfAnotherPlatform() {
            TestPlatform canvas = newPlatform("canvas");
            registry.upsert(new PlatformDefinition(
                    "other",
                    canvas.issuer(),
                    canvas.clientId(),
                    List.of("canvas-only-deployment"),
                    canvas.platform().authorizationEndpoint(),
                    canvas.platform().tokenEndpoint(),
                    canvas.platform().jwksUri()));
            assertRefused(
                    launchWith(c -> c.put(LTI + "deployment_id", "canvas-only-deployment")),
                    403,
                    LaunchRefusal.UNKNOWN_DEPLOYMENT);
        }

        @Test
        void replayOfAnAcceptedLaunch() {
            LtiClient.LoginRedirect redirect = browser.initiateLogin(moodle, "user-1");
            String token = moodle.sign(moodle.moodleLaunch("user-1", INSTRUCTOR, redirect.nonce(), "c"));
            assertThat(browser.postLaunch(token, redirect.state()).statusCode()).isEqualTo(302);
            assertRefused(browser.postLaunch(token, redirect.state()), 400, LaunchRefusal.STATE_NOT_FOUND);
            assertRefused(browser().postLaunch(token, redirect.state()), 400, LaunchRefusal.STATE_NOT_FOUND);
        }

        @Test
        void targetLinkUriOnAnotherHost() {
            var login = browser.initiateLogin(Map.of(
                    "iss",
                    moodle.issuer(),
                    "login_hint",
                    "u",
                    "target_link_uri",
                    "https://evil.example/app",
                    "client_id",
                    moodle.clientId()));
            assertThat(login.status()).isEqualTo(400);
            assertThat(login.body()).contains(LaunchRefusal.FOREIGN_TARGET_LINK_URI.name());

            LtiClient.LoginRedirect redirect = browser.initiateLogin(moodle, "user-1");
            var claims = moodle.moodleLaunch("user-1", INSTRUCTOR, redirect.nonce(), "c");
            claims.put(TestPlatform.LTI + "target_link_uri", "http://localhost.evil.example:" + port + "/app");
            assertRefused(
                    browser.postLaunch(moodle.sign(claims), redirect.state()),
                    400,
                    LaunchRefusal.FOREIGN_TARGET_LINK_URI);
        }

        @Test
        void unknownState() {
            LtiClient.LoginRedirect redirect = browser.initiateLogin(moodle, "user-1");
            String token = moodle.sign(moodle.moodleLaunch("user-1", INSTRUCTOR, redirect.nonce(), "c"));
            assertRefused(browser.postLaunch(token, "forged-state"), 400, LaunchRefusal.STATE_NOT_FOUND);
        }

        @Test
        void launchWithoutIdToken() {
            assertRefused(browser.postLaunch(null, "x"), 400, LaunchRefusal.MISSING_PARAMETER);
        }

        @Test
        void anEmptyIdTokenIsRefusedWithoutSpendingTheState() {
            LtiClient.LoginRedirect redirect = browser.initiateLogin(moodle, "user-1");
            assertRefused(browser.postLaunch("", redirect.state()), 400, LaunchRefusal.MISSING_PARAMETER);
            assertRefused(browser.postLaunch(null, null), 400, LaunchRefusal.MISSING_PARAMETER);
            String token = moodle.sign(moodle.moodleLaunch("user-1", INSTRUCTOR, redirect.nonce(), "c"));
            assertThat(browser.postLaunch(token, redirect.state()).statusCode()).isEqualTo(302);
        }

        @Test
        void anErrorAnsweredByThePlatformIsRefusedAndSpendsTheState() {
            LtiClient.LoginRedirect redirect = browser.initiateLogin(moodle, "user-1");
            var error = browser.send(
                    "POST",
                    LtiPaths.LAUNCH,
                    LtiClient.form(Map.of("error", "login_required", "state", redirect.state())),
                    Map.of("Content-Type", "application/x-www-form-urlencoded"));
            assertRefused(error, 400, LaunchRefusal.PLATFORM_ERROR);
            String token = moodle.sign(moodle.moodleLaunch("user-1", INSTRUCTOR, redirect.nonce(), "c"));
            assertRefused(browser.postLaunch(token, redirect.state()), 400, LaunchRefusal.STATE_NOT_FOUND);
        }

        @Test
        void aLaunchByGetIsRefusedLikeAnEmptyPost() {
            assertRefused(browser.get(LtiPaths.LAUNCH), 400, LaunchRefusal.MISSING_PARAMETER);
        }

        @Test
        void unknownPlatformAtLogin() {
            Map<String, String> params = new HashMap<>(Map.of(
                    "iss",
                    "https://unknown.example",
                    "login_hint",
                    "u",
                    "target_link_uri",
                    "http://localhost:" + port + "/app",
                    "client_id",
                    "nobody"));
            var redirect = browser.initiateLogin(params);
            assertThat(redirect.status()).isEqualTo(403);
            assertThat(redirect.body()).contains(LaunchRefusal.UNKNOWN_PLATFORM.name());
        }

        @Test
        void unknownDeploymentAtLogin() {
            var redirect = browser.initiateLogin(Map.of(
                    "iss",
                    moodle.issuer(),
                    "login_hint",
                    "u",
                    "target_link_uri",
                    "http://localhost:" + port + "/app",
                    "client_id",
                    moodle.clientId(),
                    "lti_deployment_id",
                    "nope"));
            assertThat(redirect.status()).isEqualTo(403);
            assertThat(redirect.body()).contains(LaunchRefusal.UNKNOWN_DEPLOYMENT.name());
        }

        @Test
        void loginInitiationWithoutLoginHint() {
            var redirect = browser.initiateLogin(
                    Map.of("iss", moodle.issuer(), "target_link_uri", "http://localhost:" + port + "/app"));
            assertThat(redirect.status()).isEqualTo(400);
            assertThat(redirect.body()).contains(LaunchRefusal.MISSING_PARAMETER.name());
        }

        @Test
        void disabledPlatform() {
            jdbc.sql("update platform set enabled = false where id = :id")
                    .param("id", moodle.platform().id())
                    .update();
            var redirect = browser.initiateLogin(moodle, "user-1");
            assertThat(redirect.status()).isEqualTo(403);
            assertThat(redirect.body()).contains(LaunchRefusal.PLATFORM_DISABLED.name());
        }

        @Test
        void refusalPageSpeaksTheLaunchLanguage() {
            var response = launchWith(c -> {
                c.put(LTI + "launch_presentation", Map.of("locale", "en-GB"));
                c.remove(LTI + "version");
            });
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("Launch refused").contains("has no LTI version");
        }
    }

    @Nested
    class ValidLaunches {

        @Test
        void moodleInstructorLaunchOpensTheCohort() {
            var response =
                    browser.launch(moodle, "teacher", n -> moodle.moodleLaunch("teacher", INSTRUCTOR, n, "course-1"));
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location"))
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/app"));
            var page = browser.get("/app");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Cohorte").contains("Prénom teacher");
            assertThat(page.headers().firstValue("X-Frame-Options"))
                    .as("LMS frames embed the tool")
                    .isEmpty();
        }

        @Test
        void canvasLearnerLaunchOpensTheirGrid() {
            TestPlatform canvas = newPlatform("canvas");
            var response =
                    browser.launch(canvas, "student", n -> canvas.canvasLaunch("student", LEARNER, n, "course-1"));
            assertThat(response.statusCode()).isEqualTo(302);
            var page = browser.get("/app");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("My evaluation grid").contains("C1.1");
        }

        @Test
        void shortRoleName() {
            assertLaunchAs(c -> c.put(LTI + "roles", List.of("Instructor")), ToolRole.EVALUATOR);
        }

        @Test
        void multipleRoleValues() {
            assertLaunchAs(
                    c -> c.put(
                            LTI + "roles",
                            List.of(
                                    INSTRUCTOR,
                                    "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Faculty",
                                    "http://purl.imsglobal.org/vocab/lis/v2/system/person#User")),
                    ToolRole.EVALUATOR);
        }

        @Test
        void teachingAssistantSubRole() {
            assertLaunchAs(
                    c -> c.put(
                            LTI + "roles",
                            List.of("http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant")),
                    ToolRole.EVALUATOR);
        }

        @Test
        void unknownRole() {
            assertLaunchAs(
                    c -> c.put(LTI + "roles", List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Unknown")),
                    ToolRole.GUEST);
        }

        @Test
        void noRole() {
            assertLaunchAs(c -> c.put(LTI + "roles", List.of("")), ToolRole.GUEST);
        }

        @Test
        void noPersonalInformation() {
            assertLaunchAs(
                    c -> {
                        c.remove("name");
                        c.remove("given_name");
                        c.remove("family_name");
                        c.remove("email");
                    },
                    ToolRole.EVALUATOR);
        }

        @Test
        void emailOnly() {
            assertLaunchAs(
                    c -> {
                        c.remove("name");
                        c.remove("given_name");
                        c.remove("family_name");
                    },
                    ToolRole.EVALUATOR);
        }

        @Test
        void namesOnly() {
            assertLaunchAs(c -> c.remove("email"), ToolRole.EVALUATOR);
        }

        @Test
        void withoutCourseContext() {
            var response = launchWith(c -> c.remove(LTI + "context"));
            assertThat(response.statusCode()).isEqualTo(302);
            var page = browser.get("/app");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("ne vient pas d&#39;un cours");
        }

        @Test
        void learnerLaunch() {
            assertLaunchAs(c -> c.put(LTI + "roles", List.of(LEARNER)), ToolRole.LEARNER);
        }

        @Test
        void audienceAsAListWithAzp() {
            assertLaunchAs(c -> c.put("aud", List.of(moodle.clientId(), "another")), ToolRole.EVALUATOR);
        }

        @Test
        void loginInitiationWithoutClientIdOrDeployment() {
            var redirect = browser.initiateLogin(Map.of(
                    "iss", moodle.issuer(), "login_hint", "u", "target_link_uri", "http://localhost:" + port + "/app"));
            assertThat(redirect.proceeds()).isTrue();
            assertThat(redirect.params())
                    .containsEntry("client_id", moodle.clientId())
                    .containsKey("nonce")
                    .containsEntry("response_mode", "form_post")
                    .containsEntry("prompt", "none");
        }

        void assertLaunchAs(Consumer<Map<String, Object>> change, ToolRole expected) {
            var response = launchWith(change);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
            var page = browser.get("/app");
            assertThat(page.statusCode()).isEqualTo(200);
            String role = jdbc.sql("""
                            select e.tool_role from enrolment e join lti_user u on u.id = e.user_id
                            where u.platform_id = :platform and u.sub = 'user-1'""")
                    .param("platform", moodle.platform().id())
                    .query(String.class)
                    .single();
            assertThat(role).isEqualTo(expected.name());
        }
    }
}
