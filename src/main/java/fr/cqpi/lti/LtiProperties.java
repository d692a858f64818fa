package fr.cqpi.lti;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param platformsFile     JSON array of platforms upserted at start (optional)
 * @param clockSkew         tolerance on id_token exp/iat
 * @param maxTokenAge       oldest accepted id_token iat
 * @param jwksCacheTtl      how long a platform's key set is cached
 * @param jwksMinRefetchInterval at most one refetch of a platform's key set per interval, however many unknown kids arrive
 * @param httpTimeout       connect and read timeout for calls to platforms
 * @param toolKeyPem        PKCS#8 PEM private key to sign with instead of a generated one (optional)
 */
@ConfigurationProperties("cqpi.lti")
public record LtiProperties(
        String platformsFile,
        @DefaultValue("60s") Duration clockSkew,
        @DefaultValue("10m") Duration maxTokenAge,
        @DefaultValue("10m") Duration jwksCacheTtl,
        @DefaultValue("30s") Duration jwksMinRefetchInterval,
        @DefaultValue("5s") Duration httpTimeout,
        String toolKeyPem) {}
