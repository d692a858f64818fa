package fr.cqpi.admin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Failed administrator logins, counted per client address and per user name: after {@value #MAX_FAILURES}
 * failures within {@link #WINDOW}, every login attempt from that address or for that name answers 429 for
 * {@link #BLOCK}, whatever the password (the right one included).
 */
@Component
class AdminLoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(AdminLoginThrottle.class);
    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration BLOCK = Duration.ofMinutes(15);

    private final Clock clock;
    /** Failure times per "address:…" or "user:…" key; bounded, and forgotten once the window is over. */
    private final Cache<String, Deque<Instant>> failures;

    private final Cache<String, Instant> blockedUntil;

    private final MessageSource messages;

    AdminLoginThrottle(Clock clock, MessageSource messages) {
        this.clock = clock;
        this.messages = messages;
        Ticker ticker = () -> clock.millis() * 1_000_000L;
        this.failures = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(WINDOW)
                .ticker(ticker)
                .build();
        this.blockedUntil = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(BLOCK)
                .ticker(ticker)
                .build();
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String user = String.valueOf(event.getAuthentication().getName());
        String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
        fail("user:" + user.toLowerCase(Locale.ROOT), user, address);
        if (address != null) {
            fail("address:" + address, user, address);
        }
    }

    private void fail(String key, String user, String address) {
        Instant now = clock.instant();
        Deque<Instant> times = failures.asMap().compute(key, (k, previous) -> {
            Deque<Instant> kept = previous == null ? new ArrayDeque<>() : previous;
            kept.addLast(now);
            while (!kept.isEmpty() && kept.peekFirst().isBefore(now.minus(WINDOW))) {
                kept.removeFirst();
            }
            return kept;
        });
        if (times.size() >= MAX_FAILURES && blockedUntil.getIfPresent(key) == null) {
            blockedUntil.put(key, now.plus(BLOCK));
            failures.invalidate(key);
            log.warn(
                    "Administrator login blocked for {} min after {} failures ({}; last attempt: user {}, address {})",
                    BLOCK.toMinutes(),
                    MAX_FAILURES,
                    key.startsWith("user:") ? "per user name" : "per address",
                    user,
                    address);
        }
    }

    boolean blocked(String address, String user) {
        Instant now = clock.instant();
        return isBlocked("address:" + address, now)
                || (user != null && isBlocked("user:" + user.toLowerCase(Locale.ROOT), now));
    }

    private boolean isBlocked(String key, Instant now) {
        Instant until = blockedUntil.getIfPresent(key);
        return until != null && until.isAfter(now);
    }

    /** Answers 429 to a login attempt (form post or HTTP Basic) while its address or user name is blocked. */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String user = attemptedUser(request);
                if (user != null && blocked(request.getRemoteAddr(), user)) {
                    log.info(
                            "Administrator login refused while blocked: user {}, address {}",
                            user,
                            request.getRemoteAddr());
                    response.setStatus(429);
                    response.setHeader("Retry-After", String.valueOf(BLOCK.toSeconds()));
                    response.setContentType("text/plain;charset=UTF-8");
                    response.getWriter()
                            .write(messages.getMessage(
                                    "admin.throttled", new Object[] {BLOCK.toMinutes()}, request.getLocale()));
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    /** The user name of a login attempt, or null when the request is not one. */
    private static String attemptedUser(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(
                        Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? decoded : decoded.substring(0, colon);
            } catch (IllegalArgumentException e) {
                return "";
            }
        }
        if ("POST".equals(request.getMethod()) && "/admin/login".equals(request.getServletPath())) {
            String user = request.getParameter("username");
            return user == null ? "" : user;
        }
        return null;
    }
}
