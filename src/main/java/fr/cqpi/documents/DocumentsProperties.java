package fr.cqpi.documents;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param issuer the training organisation that issues the documents (organisme de formation), named on them and on
 *     their verification page beside the certifying body; unset, the certifying body alone is named
 */
@ConfigurationProperties("cqpi.documents")
public record DocumentsProperties(String issuer) {

    /** The issuer, or null when none is configured. */
    public String issuerOrNull() {
        return issuer == null || issuer.isBlank() ? null : issuer.strip();
    }
}
