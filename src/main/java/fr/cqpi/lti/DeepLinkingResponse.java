package fr.cqpi.lti;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Clock;
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
    private final Clock clock;

    DeepLinkingResponse(ToolKeys toolKeys, PlatformRegistry registry, Clock clock) {
        this.toolKeys = toolKeys;
        this.registry = registry;
        this.clock = clock;
    }

    /** @param contentItems the items, as JSON-ready maps (type ltiResourceLink …) */
    public String sign(LaunchContext launch, List<Map<String, Object>> contentItems, String message) {
        Platform platform = registry.findById(launch.platformId()).orElseThrow();
        Instant now = clock.instant();
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
        return toolKeys.sign(claims.build());
    }
}
