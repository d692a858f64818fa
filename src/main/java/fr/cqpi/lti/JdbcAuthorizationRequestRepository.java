package fr.cqpi.lti;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * OIDC login state in PostgreSQL, for launches whose browser sends no cookie back: every instance
 * behind the load balancer can finish a launch another one started. Each state is removed on use.
 */
class JdbcAuthorizationRequestRepository implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

    static final Duration LIFETIME = Duration.ofMinutes(10);

    private static final org.slf4j.Logger log =
            org.slf4j.LoggerFactory.getLogger(JdbcAuthorizationRequestRepository.class);
    private static final ObjectInputFilter ONLY_AUTHORIZATION_REQUESTS =
            ObjectInputFilter.Config.createFilter("org.springframework.security.**;java.**;maxdepth=20;!*");

    private final JdbcClient jdbc;

    JdbcAuthorizationRequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Whether the browser brings the tool's cookies: then the state must be the one kept in that browser's
     * session, and the database copy is never accepted (an attacker's own state posted from a victim's
     * browser would be found there: login CSRF). The database serves browsers that bring no cookie at all.
     */
    static boolean bringsCookies(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (SessionConfiguration.COOKIE_NAME.equals(cookie.getName())
                        || LaunchStateRepository.WORKING_COOKIES.equals(cookie.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
        String state = request.getParameter("state");
        if (state == null || bringsCookies(request)) {
            return null;
        }
        // Without a page secret the login step never ran in a cookieless page: nothing binds the state to a browser.
        return jdbc.sql("""
                        select request from oidc_state
                        where state = :state and expires_at > now() and page_secret_hash is not null""")
                .param("state", state)
                .query((rs, n) -> deserialize(rs.getBytes(1)))
                .optional()
                .orElse(null);
    }

    @Override
    public void saveAuthorizationRequest(
            OAuth2AuthorizationRequest authorizationRequest, HttpServletRequest request, HttpServletResponse response) {
        if (authorizationRequest == null) {
            removeAuthorizationRequest(request, response);
            return;
        }
        jdbc.sql("""
                        insert into oidc_state (state, request, storage_target, page_secret_hash, expires_at)
                        values (:state, :request, :target, :secret, now() + cast(:lifetime as interval))""")
                .param("state", authorizationRequest.getState())
                .param("request", serialize(authorizationRequest))
                .param("target", request.getParameter("lti_storage_target"))
                .param("secret", request.getAttribute(PageSecrets.ISSUED_HASH))
                .param("lifetime", LIFETIME.toSeconds() + " seconds")
                .update();
    }

    @Override
    public OAuth2AuthorizationRequest removeAuthorizationRequest(
            HttpServletRequest request, HttpServletResponse response) {
        String state = request.getParameter("state");
        if (state == null) {
            return null;
        }
        record Stored(OAuth2AuthorizationRequest request, byte[] pageSecretHash, String storageTarget) {}
        Stored stored = jdbc.sql("""
                        delete from oidc_state where state = :state and expires_at > now()
                        returning request, page_secret_hash, storage_target""")
                .param("state", state)
                .query((rs, n) -> new Stored(deserialize(rs.getBytes(1)), rs.getBytes(2), rs.getString(3)))
                .optional()
                .orElse(null);
        if (stored == null) {
            return null;
        }
        // Still deleted whatever follows: a state is used once.
        if (bringsCookies(request)) {
            // Every launch with cookies passes here (the state is kept both in the session and in the database).
            log.debug("Launch state's database copy deleted unused: the browser brings the tool's cookies, so only"
                    + " its session's copy counts");
            return null;
        }
        if (stored.pageSecretHash() == null) {
            log.info("Cookieless launch whose login step gave its page no secret: ignored");
            return null;
        }
        request.setAttribute(PageSecrets.LAUNCH_HASH, stored.pageSecretHash());
        if (stored.storageTarget() != null) {
            request.setAttribute(PageSecrets.LAUNCH_STORAGE_TARGET, stored.storageTarget());
        }
        return stored.request();
    }

    private static byte[] serialize(OAuth2AuthorizationRequest request) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(request);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private static OAuth2AuthorizationRequest deserialize(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(ONLY_AUTHORIZATION_REQUESTS);
            return (OAuth2AuthorizationRequest) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("Unreadable stored OIDC state", e);
        }
    }
}
