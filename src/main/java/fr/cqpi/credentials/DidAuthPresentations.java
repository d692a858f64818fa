package fr.cqpi.credentials;

import com.apicatalog.multibase.Multibase;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A wallet's DID Authentication: a Verifiable Presentation without credentials whose {@code holder} is a did:key
 * (Ed25519) and whose single proof, made with that DID's key for the purpose {@code authentication}, carries the
 * challenge the issuer handed out. Two proof types are read: {@code Ed25519Signature2020} (what the Learner
 * Credential Wallet signs with, through Digital Bazaar's vc library) and {@code DataIntegrityProof} with the cryptosuite
 * {@code eddsa-rdfc-2022}. Both sign the same bytes: SHA-256 of the canonical proof options (with the document's
 * {@code @context}), then SHA-256 of the canonical presentation without its proof.
 */
final class DidAuthPresentations {

    static final String ED25519_SIGNATURE_2020 = "Ed25519Signature2020";

    private DidAuthPresentations() {}

    /** The holder's DID, the challenge and the domain of a presentation whose proof verifies. */
    record DidAuth(String holder, String challenge, String domain) {}

    /** Why a presentation is refused (a message for the wallet's developer, never holding the challenge). */
    static final class InvalidPresentation extends RuntimeException {
        InvalidPresentation(String message) {
            super(message);
        }
    }

    @SuppressWarnings("unchecked")
    static DidAuth verify(Map<String, Object> presentation) {
        if (!hasType(presentation.get("type"), "VerifiablePresentation")) {
            throw new InvalidPresentation("Not a VerifiablePresentation");
        }
        if (!(presentation.get("holder") instanceof String holder) || !holder.startsWith("did:key:z6Mk")) {
            throw new InvalidPresentation("The presentation's holder must be an Ed25519 did:key");
        }
        Object proofValue = presentation.get("proof");
        if (proofValue instanceof List<?> set && set.size() == 1) {
            proofValue = set.get(0);
        }
        if (!(proofValue instanceof Map<?, ?> proofMap)) {
            throw new InvalidPresentation("The presentation needs exactly one proof");
        }
        Map<String, Object> options = new LinkedHashMap<>((Map<String, Object>) proofMap);
        Object type = options.get("type");
        boolean signature2020 = ED25519_SIGNATURE_2020.equals(type) && !options.containsKey("cryptosuite");
        boolean dataIntegrity =
                "DataIntegrityProof".equals(type) && DataIntegrityProofs.CRYPTOSUITE.equals(options.get("cryptosuite"));
        if (!signature2020 && !dataIntegrity) {
            throw new InvalidPresentation("Proof type not supported: Ed25519Signature2020 or eddsa-rdfc-2022 expected");
        }
        if (!"authentication".equals(options.get("proofPurpose"))) {
            throw new InvalidPresentation("The proof's purpose must be authentication");
        }
        if (!(options.get("challenge") instanceof String challenge) || challenge.isEmpty()) {
            throw new InvalidPresentation("The proof carries no challenge");
        }
        Object domain = options.get("domain");
        if (domain != null && !(domain instanceof String)) {
            throw new InvalidPresentation("The proof's domain must be a string");
        }
        if (!(options.get("verificationMethod") instanceof String method)
                || !method.equals(holder + "#" + holder.substring("did:key:".length()))) {
            throw new InvalidPresentation("The proof must be made with the holder's did:key");
        }
        if (!(options.remove("proofValue") instanceof String encoded) || !encoded.startsWith("z")) {
            throw new InvalidPresentation("The proof has no base58btc proofValue");
        }
        Map<String, Object> document = new LinkedHashMap<>(presentation);
        document.remove("proof");
        boolean verified;
        try {
            PublicKey key = Ed25519Keys.resolveDidKey(method);
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(DataIntegrityProofs.hashData(document, options));
            verified = verifier.verify(Multibase.BASE_58_BTC.decode(encoded));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new InvalidPresentation("The proof does not verify (unreadable key, signature or JSON-LD)");
        }
        if (!verified) {
            throw new InvalidPresentation("The proof does not verify with the holder's key");
        }
        return new DidAuth(holder, challenge, (String) domain);
    }

    private static boolean hasType(Object type, String wanted) {
        return wanted.equals(type) || (type instanceof List<?> types && types.contains(wanted));
    }
}
