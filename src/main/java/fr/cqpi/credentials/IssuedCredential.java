package fr.cqpi.credentials;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * An issued credential as stored: {@code blocCode} the bloc it certifies, or {@code CERTIFICATE}; {@code json} the
 * exact JSON with its embedded proof, {@code jwt} the compact VC-JWT; the revocation, when there was one.
 */
public record IssuedCredential(
        UUID id,
        long courseId,
        long learnerId,
        String blocCode,
        CredentialStatus status,
        Instant issuedAt,
        String json,
        String jwt,
        Instant revokedAt,
        String revocationReason) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The credential's id: its public URL (the verification page to a browser, the signed credential to a wallet). */
    public String url() {
        return JSON.readTree(json).path("id").asString();
    }
}
