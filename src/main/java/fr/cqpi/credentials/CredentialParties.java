package fr.cqpi.credentials;

import fr.cqpi.course.CourseMember;
import fr.cqpi.credentials.BlocCredentialContent.Holder;
import fr.cqpi.credentials.BlocCredentialContent.Issuer;
import fr.cqpi.referentiel.Referentiel;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The two parties a credential names: the certifying body that issues it (its id the did:key of the proofs' key, its
 * name and URL configured per référentiel) and the learner who holds it, named only by a salted hash.
 */
@Component
class CredentialParties {

    private final CredentialKeys keys;
    private final CredentialsProperties properties;
    private final SecureRandom random = new SecureRandom();

    CredentialParties(CredentialKeys keys, CredentialsProperties properties) {
        this.keys = keys;
        this.properties = properties;
    }

    Issuer issuer(Referentiel referentiel) {
        CredentialsProperties.Issuer configured = properties.issuer(referentiel.code());
        String name = configured != null
                        && configured.name() != null
                        && !configured.name().isBlank()
                ? configured.name()
                : referentiel.certifyingBodyFullName() != null
                        ? referentiel.certifyingBodyFullName()
                        : referentiel.certifyingBody();
        return new Issuer(
                keys.issuerDid(),
                name,
                configured == null ? null : configured.url(),
                configured == null ? null : configured.email());
    }

    /** A new salt for a holder's hash (16 random bytes, hex). */
    String salt() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** A salted SHA-256 of the learner's e-mail address (lower case), or of their LTI user id without one. */
    static Holder holder(CourseMember learner, String salt) {
        boolean email = learner.email() != null && !learner.email().isBlank();
        String identity = email ? learner.email().strip().toLowerCase(Locale.ROOT) : learner.sub();
        String hash = HexFormat.of().formatHex(DataIntegrityProofs.sha256(identity + salt));
        return new Holder(
                "urn:uuid:" + UUID.randomUUID(), email ? "emailAddress" : "ltiUserId", "sha256$" + hash, salt);
    }
}
