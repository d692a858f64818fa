package fr.cqpi.lti;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;

/**
 * One RS256 decoder per platform key set. Keys are cached; an unknown kid makes Nimbus refetch the
 * set, and the rate limit bounds those refetches however many forged kids arrive. Claims are checked
 * afterwards by {@link LaunchClaimsValidator}, which gives each fault its own refusal.
 */
@Component
class PlatformJwtDecoders {

    private static final int MAX_JWKS_BYTES = 512 * 1024;

    private final LtiProperties properties;
    /** Keyed by URI too, so that an administrator's change of jwks_uri takes effect at once. */
    private record KeySet(long platformId, String jwksUri) {}

    private final Cache<KeySet, JwtDecoder> decoders = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterAccess(Duration.ofDays(1))
            .build();

    PlatformJwtDecoders(LtiProperties properties) {
        this.properties = properties;
    }

    JwtDecoder forPlatform(Platform platform) {
        return decoders.get(new KeySet(platform.id(), platform.jwksUri()), keySet -> build(keySet.jwksUri()));
    }

    private JwtDecoder build(String jwksUri) {
        int timeout = (int) properties.httpTimeout().toMillis();
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.<SecurityContext>create(
                            URI.create(jwksUri).toURL(), new DefaultResourceRetriever(timeout, timeout, MAX_JWKS_BYTES))
                    .cache(
                            properties.jwksCacheTtl().toMillis(),
                            properties.httpTimeout().toMillis())
                    .refreshAheadCache(false)
                    .rateLimited(properties.jwksMinRefetchInterval().toMillis())
                    .retrying(false)
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("Not a URL: " + jwksUri, e);
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWTClaimsSetVerifier((claims, context) -> {});
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(jwt -> org.springframework.security.oauth2.core.OAuth2TokenValidatorResult.success());
        return decoder;
    }
}
