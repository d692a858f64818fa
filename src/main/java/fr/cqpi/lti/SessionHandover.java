package fr.cqpi.lti;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One-time codes that hand a launch's session to a browser that sent no cookie (third-party cookies
 * blocked in the LMS iframe). A code lives a minute, works once and only with the secret the launch's
 * page kept since its login step; neither it nor the session id ever appears in a URL.
 */
@Component
public class SessionHandover {

    static final Duration LIFETIME = Duration.ofSeconds(60);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    SessionHandover(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    String issue(String sessionId, byte[] pageSecretHash) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                        insert into session_handover (code, session_id, page_secret_hash, expires_at)
                        values (:code, :session, :secret, :expires)""")
                .param("code", code)
                .param("session", sessionId)
                .param("secret", pageSecretHash)
                .param("expires", Timestamp.from(clock.instant().plus(LIFETIME)))
                .update();
        return code;
    }

    /**
     * The session a code hands over, once, to the page holding the secret of its login step. A code presented
     * with another secret is spent all the same.
     */
    Optional<String> redeem(String code, String pageSecret) {
        if (code == null || code.isBlank() || code.length() > 100 || pageSecret == null || pageSecret.length() > 100) {
            return Optional.empty();
        }
        record Handed(String sessionId, byte[] pageSecretHash) {}
        return jdbc.sql("""
                        delete from session_handover where code = :code and expires_at > now()
                        returning session_id, page_secret_hash""")
                .param("code", code)
                .query((rs, n) -> new Handed(rs.getString(1), rs.getBytes(2)))
                .optional()
                .filter(handed -> PageSecrets.matches(pageSecret, handed.pageSecretHash()))
                .map(Handed::sessionId);
    }
}
