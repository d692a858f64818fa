package fr.cqpi.lti;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Single use of id_token nonces across every instance, through a primary key in PostgreSQL. */
@Component
class NonceStore {

    private final JdbcClient jdbc;

    NonceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the nonce was already used on this platform */
    boolean useOnce(long platformId, String nonce, Instant expiresAt) {
        return jdbc.sql("""
                        insert into used_nonce (platform_id, nonce, expires_at) values (:platform, :nonce, :expires)
                        on conflict do nothing""")
                        .param("platform", platformId)
                        .param("nonce", nonce)
                        .param("expires", java.sql.Timestamp.from(expiresAt))
                        .update()
                == 1;
    }
}
