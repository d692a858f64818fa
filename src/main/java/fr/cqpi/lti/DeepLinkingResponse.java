package fr.cqpi.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Signs the LtiDeepLinkingResponse (LTI Deep Linking 2.0 §4.2) with the tool's key. */
@Component
public class DeepLinkingResponse {

    private final ToolKeys toolKeys;
    private final PlatformRegistry registry;

    DeepLinkingResponse(ToolKeys toolKeys, PlatformRegistry registry) {
        this.toolKeys = toolKeys;
        this.registry = registry;
    }

    /** @param contentItems the items, as JSON-ready maps (type ltiResourceLink …) */
    public String sign(LaunchContext launch, List<Map<String, Object>> contentItems, String message) {
        Platform platform = registry.findById(launch.platformId()).orElseThrow();
        RSAKey key = toolKeys.signingKey();
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(platform.clientId())
                .audience(platform.issuer())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", UUID.randomUUID().toString())
                .claim("azp", platform.clientId())
                .claim(LtiClaims.DEPLOYMENT_ID, launch.deploymentId())
                .claim(LtiClaims.MESSAGE_TYPE, "LtiDeepLinkingResponse")
                .claim(LtiClaims.VERSION, "1.3.0")
                .claim("https://purl.imsglobal.org/spec/lti-dl/claim/content_items", contentItems);
        if (launch.deepLinking() != null && launch.deepLinking().data() != null) {
            claims.claim(
                    "https://purl.imsglobal.org/spec/lti-dl/claim/data",
                    launch.deepLinking().data());
        }
        if (message != null) {
            claims.claim("https://purl.imsglobal.org/spec/lti-dl/claim/msg", message);
        }
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
