package fr.cqpi.credentials;

import fr.cqpi.lti.ToolBaseUrl;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Signs what the tool issues, the same way for a credential, its wallet copy and a status list: a Data Integrity proof
 * with the Ed25519 key, dated to the second, and the VC-JWT form with the RS256 key.
 */
@Component
class CredentialSigner {

    private final CredentialKeys keys;
    private final ToolBaseUrl baseUrl;
    private final Clock clock;

    CredentialSigner(CredentialKeys keys, ToolBaseUrl baseUrl, Clock clock) {
        this.keys = keys;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    /** The document with its Data Integrity proof, made now. */
    Map<String, Object> withProof(Map<String, Object> content) {
        return DataIntegrityProofs.sign(
                content,
                DataIntegrityProofs.options(now(), keys.verificationMethod()),
                keys.ed25519().getPrivate());
    }

    /** A signed document as a VC-JWT signed now with the RS256 key. */
    String jwt(Map<String, Object> signed) {
        return VcJwts.sign(signed, baseUrl.get() + CredentialKeys.JWK_PATH, keys.rsaPrivate());
    }

    /** Now, as the documents write it ({@code validFrom}, the proof's {@code created}). */
    String now() {
        return DateTimeFormatter.ISO_INSTANT.format(Instant.now(clock).truncatedTo(ChronoUnit.SECONDS));
    }
}
