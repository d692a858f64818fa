package fr.cqpi.demo;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Signs the id_tokens the demo LMS sends, shaped like Moodle's (with its extra claims). */
@Profile("demo")
@Component
class DemoIdTokens {

    private static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";

    private final DemoLms lms;
    private final Clock clock;

    DemoIdTokens(DemoLms lms, Clock clock) {
        this.lms = lms;
        this.clock = clock;
    }

    String resourceLinkLaunch(DemoUser user, String nonce, String targetLinkUri, String locale) {
        return sign(claims(user, nonce, targetLinkUri, locale)
                .claim(LTI + "message_type", "LtiResourceLinkRequest")
                .claim(
                        LTI + "resource_link",
                        Map.of("id", DemoCourse.RESOURCE_LINK_ID, "title", DemoCourse.RESOURCE_LINK_TITLE))
                .build());
    }

    /** A trainer adding the tool to the course (Deep Linking 2.0), answered at {@code /demo/deep-linking-return}. */
    String deepLinkingRequest(DemoUser user, String nonce, String targetLinkUri, String locale) {
        return sign(claims(user, nonce, targetLinkUri, locale)
                .claim(LTI + "message_type", "LtiDeepLinkingRequest")
                .claim(
                        "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings",
                        Map.of(
                                "deep_link_return_url",
                                lms.lmsBase() + "/demo/deep-linking-return",
                                "accept_types",
                                List.of("ltiResourceLink"),
                                "accept_presentation_document_targets",
                                List.of("iframe", "window"),
                                "accept_multiple",
                                true,
                                "accept_lineitem",
                                true))
                .build());
    }

    private JWTClaimsSet.Builder claims(DemoUser user, String nonce, String targetLinkUri, String locale) {
        JWTClaimsSet.Builder claims = baseClaims(user, nonce, targetLinkUri, locale);
        // LTI 1.3 core: a Mentor's launch names the users they mentor.
        return user.mentees().isEmpty() ? claims : claims.claim(LTI + "role_scope_mentor", user.mentees());
    }

    private JWTClaimsSet.Builder baseClaims(DemoUser user, String nonce, String targetLinkUri, String locale) {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder()
                .issuer(lms.issuer())
                .audience(DemoLms.CLIENT_ID)
                .subject(user.id())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(60)))
                .claim("nonce", nonce)
                .claim("azp", DemoLms.CLIENT_ID)
                .claim("name", user.name())
                .claim("given_name", user.givenName())
                .claim("family_name", user.familyName())
                .claim("email", user.email())
                .claim(LTI + "version", "1.3.0")
                .claim(LTI + "deployment_id", DemoLms.DEPLOYMENT_ID)
                .claim(LTI + "target_link_uri", targetLinkUri)
                .claim(LTI + "roles", user.roles())
                .claim(
                        LTI + "context",
                        Map.of(
                                "id",
                                DemoCourse.CONTEXT_ID,
                                "label",
                                DemoCourse.LABEL,
                                "title",
                                DemoCourse.TITLE,
                                "type",
                                List.of("http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering")))
                .claim(
                        LTI + "launch_presentation",
                        Map.of("locale", locale, "document_target", "iframe", "return_url", lms.lmsBase() + "/demo"))
                .claim(
                        LTI + "tool_platform",
                        Map.of("name", "LMS de démonstration", "product_family_code", "cqpi-demo", "guid", "demo-lms"))
                .claim(LTI + "custom", Map.of())
                .claim(
                        "https://purl.imsglobal.org/spec/lti/claim/ext",
                        Map.of("user_username", user.id(), "lms", "moodle-2"))
                .claim(
                        "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint",
                        Map.of(
                                "scope",
                                List.of(
                                        "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
                                        "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
                                        "https://purl.imsglobal.org/spec/lti-ags/scope/score"),
                                "lineitems",
                                lineItemsUrl(lms.lmsBase())))
                .claim(
                        "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice",
                        Map.of(
                                "context_memberships_url",
                                membershipsUrl(lms.lmsBase()),
                                "service_versions",
                                List.of("2.0")));
    }

    /** The course's AGS line item container, as the launches name it. */
    static String lineItemsUrl(String lmsBase) {
        return lmsBase + "/demo/ags/lineitems?type_id=1";
    }

    /** The course's NRPS memberships, as the launches name it. */
    static String membershipsUrl(String lmsBase) {
        return lmsBase + "/demo/nrps/memberships";
    }

    private String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(lms.key().getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(lms.key()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
