package fr.cqpi.gradesync;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.nimbusds.jwt.JWTClaimsSet;
import fr.cqpi.lti.Platform;
import fr.cqpi.lti.ToolKeys;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * OAuth 2 client credentials with a signed client assertion (LTI Advantage, IMS Security Framework §4.1):
 * one token per platform and scope set, kept in PostgreSQL for every instance until shortly before it expires.
 */
@Component
class ServiceTokens {

    static final String LINEITEM = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";
    static final String SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
    static final String RESULT = "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly";
    static final String MEMBERSHIPS = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";
    static final List<String> AGS = List.of(LINEITEM, RESULT, SCORE);
    private static final Duration MARGIN = Duration.ofSeconds(60);

    private final JdbcClient jdbc;
    private final ToolKeys toolKeys;
    private final PlatformHttp http;
    private final ServiceOriginGuard origins;
    private final Clock clock;

    /** Per-instance copy of the shared tokens, so that each score does not read the table; each until it expires. */
    private final Cache<Key, Cached> local;

    ServiceTokens(JdbcClient jdbc, ToolKeys toolKeys, PlatformHttp http, ServiceOriginGuard origins, Clock clock) {
        this.jdbc = jdbc;
        this.origins = origins;
        this.toolKeys = toolKeys;
        this.http = http;
        this.clock = clock;
        this.local = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfter(Expiry.creating(
                        (Key key, Cached cached) -> Duration.between(clock.instant(), cached.expiresAt())))
                .build();
    }

    /** A platform and a scope set (sorted, space-separated as OAuth 2 sends it). */
    private record Key(long platformId, String scope) {

        /** Scope lists as OAuth 2 sends them, worked out once per list (every score asks with the same one). */
        private static final Map<List<String>, String> SCOPES = new ConcurrentHashMap<>();

        static Key of(Platform platform, List<String> scopes) {
            return new Key(
                    platform.id(),
                    SCOPES.computeIfAbsent(
                            List.copyOf(scopes),
                            s -> String.join(" ", s.stream().sorted().toList())));
        }
    }

    private record Cached(String token, Instant expiresAt) {}

    /** The token endpoint's answer (RFC 6749 §5.1). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TokenResponse(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("expires_in") Long expiresIn) {}

    String token(Platform platform, List<String> scopes) {
        Key key = Key.of(platform, scopes);
        Cached cached = local.getIfPresent(key);
        if (cached != null && cached.expiresAt().isAfter(clock.instant())) {
            return cached.token();
        }
        var stored = jdbc.sql("""
                        select access_token, expires_at from service_token
                        where platform_id = :platform and scopes = :scopes and expires_at > now()""")
                .param("platform", key.platformId())
                .param("scopes", key.scope())
                .query((rs, n) -> new Cached(rs.getString(1), rs.getTimestamp(2).toInstant()))
                .optional();
        Cached fresh = stored.orElseGet(() -> fetch(platform, key.scope()));
        local.put(key, fresh);
        return fresh.token();
    }

    /**
     * Calls a service URL with a token for these scopes, only when the URL is on the platform's service origins;
     * a 401 gets one new token and one more try.
     */
    PlatformHttp.Response call(
            Platform platform, List<String> scopes, String url, Function<String, PlatformHttp.Response> call) {
        origins.check(platform, url);
        try {
            return call.apply(token(platform, scopes));
        } catch (PlatformCallException e) {
            if (e.kind() != PlatformCallException.Kind.UNAUTHORIZED) {
                throw e;
            }
            invalidate(platform, scopes);
            return call.apply(token(platform, scopes));
        }
    }

    void invalidate(Platform platform, List<String> scopes) {
        Key key = Key.of(platform, scopes);
        local.invalidate(key);
        jdbc.sql("delete from service_token where platform_id = :platform and scopes = :scopes")
                .param("platform", key.platformId())
                .param("scopes", key.scope())
                .update();
    }

    private Cached fetch(Platform platform, String scope) {
        Map<String, String> form = Map.of(
                "grant_type",
                "client_credentials",
                "client_assertion_type",
                "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion",
                assertion(platform),
                "scope",
                scope);
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        PlatformHttp.Response response = http.send(
                "POST", platform.tokenEndpoint(), "application/json", "application/x-www-form-urlencoded", body, null);
        TokenResponse token = PlatformHttp.read(response.body(), TokenResponse.class);
        if (token.accessToken() == null) {
            throw new PlatformCallException(
                    PlatformCallException.Kind.RETRYABLE,
                    response.status(),
                    "token endpoint answered without access_token",
                    null);
        }
        long expiresIn = token.expiresIn() == null ? 3600 : token.expiresIn();
        Instant expiresAt = clock.instant().plusSeconds(expiresIn).minus(MARGIN);
        jdbc.sql("""
                        insert into service_token (platform_id, scopes, access_token, expires_at)
                        values (:platform, :scopes, :token, :expires)
                        on conflict (platform_id, scopes) do update set access_token = excluded.access_token,
                            expires_at = excluded.expires_at""")
                .param("platform", platform.id())
                .param("scopes", scope)
                .param("token", token.accessToken())
                .param("expires", Timestamp.from(expiresAt))
                .update();
        return new Cached(token.accessToken(), expiresAt);
    }

    private String assertion(Platform platform) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(platform.clientId())
                .subject(platform.clientId())
                .audience(platform.tokenEndpoint())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        return toolKeys.sign(claims);
    }
}
