package fr.cqpi.credentials;

import com.apicatalog.multibase.Multibase;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Data Integrity proofs of the cryptosuite {@code eddsa-rdfc-2022} (W3C VC Data Integrity EdDSA Cryptosuites v1.0,
 * §3.3): the proof options and the document (without proof) are canonicalized (RDFC-1.0), each hashed with SHA-256,
 * the proof hash then the document hash signed with Ed25519; {@code proofValue} is the signature in base58btc.
 */
final class DataIntegrityProofs {

    static final String CRYPTOSUITE = "eddsa-rdfc-2022";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DataIntegrityProofs() {}

    /** The proof without its {@code proofValue}, in the order the specification's examples show. */
    static Map<String, Object> options(String created, String verificationMethod) {
        Map<String, Object> proof = new LinkedHashMap<>();
        proof.put("type", "DataIntegrityProof");
        proof.put("created", created);
        proof.put("verificationMethod", verificationMethod);
        proof.put("cryptosuite", CRYPTOSUITE);
        proof.put("proofPurpose", "assertionMethod");
        return proof;
    }

    /** The document with its proof added (a copy), {@code proof} an array of one. */
    static Map<String, Object> sign(Map<String, Object> document, Map<String, Object> options, PrivateKey key) {
        byte[] signature = ed25519Sign(hashData(document, options), key);
        Map<String, Object> proof = new LinkedHashMap<>(options);
        proof.put("proofValue", Multibase.BASE_58_BTC.encode(signature));
        Map<String, Object> signed = new LinkedHashMap<>(document);
        // A set of one proof: the OB 3.0 JSON Schema wants an array, and Data Integrity reads either form.
        signed.put("proof", List.of(proof));
        return signed;
    }

    /** Whether a signed document's proof verifies with the key its verification method names (a did:key). */
    @SuppressWarnings("unchecked")
    static boolean verify(Map<String, Object> signed) {
        Map<String, Object> document = new LinkedHashMap<>(signed);
        Object proofValue = document.remove("proof");
        if (proofValue instanceof List<?> set && set.size() == 1) {
            proofValue = set.get(0);
        }
        if (!(proofValue instanceof Map<?, ?> proofMap)) {
            return false;
        }
        Map<String, Object> options = new LinkedHashMap<>((Map<String, Object>) proofMap);
        Object value = options.remove("proofValue");
        if (!CRYPTOSUITE.equals(options.get("cryptosuite")) || !(value instanceof String encoded)) {
            return false;
        }
        PublicKey key = Ed25519Keys.resolveDidKey((String) options.get("verificationMethod"));
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(hashData(document, options));
            return verifier.verify(Multibase.BASE_58_BTC.decode(encoded));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** SHA-256 of the canonical proof options, then SHA-256 of the canonical document: what is signed. */
    static byte[] hashData(Map<String, Object> document, Map<String, Object> options) {
        Map<String, Object> proofConfig = new LinkedHashMap<>(options);
        proofConfig.put("@context", document.get("@context"));
        byte[] proofHash = sha256(RdfCanonicalizer.canonicalize(JSON.writeValueAsString(proofConfig)));
        byte[] documentHash = sha256(RdfCanonicalizer.canonicalize(JSON.writeValueAsString(document)));
        byte[] data = new byte[64];
        System.arraycopy(proofHash, 0, data, 0, 32);
        System.arraycopy(documentHash, 0, data, 32, 32);
        return data;
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] ed25519Sign(byte[] data, PrivateKey key) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signature failed", e);
        }
    }
}
