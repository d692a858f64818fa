package fr.cqpi.credentials;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The issuer named in the credentials, per référentiel code: {@code cqpi.credentials.issuers.CQPI-ASSISTANT.name},
 * {@code .url}, {@code .email}. Unset, the issuer is the référentiel's certifying body (its full name), without a URL.
 */
@ConfigurationProperties("cqpi.credentials")
public record CredentialsProperties(Map<String, Issuer> issuers) {

    public record Issuer(String name, String url, String email) {}

    Issuer issuer(String referentielCode) {
        return issuers == null ? null : issuers.get(referentielCode);
    }
}
