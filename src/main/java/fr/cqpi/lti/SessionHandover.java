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
 * blocked in the LMS iframe). A code lives a minute and works once, so the URL that carries it is
 * useless afterwards; the session id itself never appears in a URL.
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

    String issue(String sessionId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("insert into session_handover (code, session_id, expires_at) values (:code, :session, :expires)")
                .param("code", code)
                .param("session", sessionId)
                .param("expires", Timestamp.from(clock.instant().plus(LIFETIME)))
                .update();
        return code;
    }

    /** The session a code hands over, once. */
    public Optional<String> redeem(String code) {
        if (code == null || code.isBlank() || code.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("delete from session_handover where code = :code and expires_at > now() returning session_id")
                .param("code", code)
                .query(String.class)
                .optional();
    }
}
