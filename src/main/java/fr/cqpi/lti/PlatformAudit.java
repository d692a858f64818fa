package fr.cqpi.lti;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/** Append-only trail of changes to platform registrations: who, when, what before and after. */
@Component
class PlatformAudit {

    private static final Logger log = LoggerFactory.getLogger(PlatformAudit.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;

    PlatformAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(long platformId, String actor, String action, Platform before, Platform after) {
        jdbc.sql("""
                        insert into platform_audit (platform_id, actor, action, before, after)
                        values (:platform, :actor, :action, cast(:before as jsonb), cast(:after as jsonb))""")
                .param("platform", platformId)
                .param("actor", actor)
                .param("action", action)
                .param("before", json(before))
                .param("after", json(after))
                .update();
        log.info("Platform {}: {} by {}", platformId, action, actor);
    }

    private static String json(Platform platform) {
        if (platform == null) {
            return null;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", platform.name());
        fields.put("issuer", platform.issuer());
        fields.put("client_id", platform.clientId());
        fields.put("authorization_endpoint", platform.authorizationEndpoint());
        fields.put("token_endpoint", platform.tokenEndpoint());
        fields.put("jwks_uri", platform.jwksUri());
        fields.put("enabled", platform.enabled());
        try {
            return JSON.writeValueAsString(fields);
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }
}
