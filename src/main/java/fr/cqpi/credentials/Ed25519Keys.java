package fr.cqpi.credentials;

import com.apicatalog.multibase.Multibase;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * Ed25519 keys as Multikey (multicodec {@code ed25519-pub} 0xed01, base58btc) and as {@code did:key}, the form of
 * the Data Integrity proofs' verification method: it resolves from the identifier alone.
 */
final class Ed25519Keys {

    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo, before the 32 raw bytes. */
    private static final byte[] SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private static final byte[] MULTICODEC_ED25519_PUB = {(byte) 0xed, 0x01};

    private Ed25519Keys() {}

    static byte[] raw(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    static PublicKey publicKey(byte[] raw) {
        byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + 32);
        System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, 32);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an Ed25519 public key", e);
        }
    }

    static PrivateKey privateKey(byte[] seed) {
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an Ed25519 private key", e);
        }
    }

    /** {@code z6Mk…}: the public key as a Multikey's {@code publicKeyMultibase}. */
    static String multibase(PublicKey key) {
        byte[] raw = raw(key);
        byte[] prefixed = Arrays.copyOf(MULTICODEC_ED25519_PUB, 2 + raw.length);
        System.arraycopy(raw, 0, prefixed, 2, raw.length);
        return Multibase.BASE_58_BTC.encode(prefixed);
    }

    static PublicKey fromMultibase(String multibase) {
        byte[] prefixed = Multibase.BASE_58_BTC.decode(multibase);
        if (prefixed.length != 34
                || prefixed[0] != MULTICODEC_ED25519_PUB[0]
                || prefixed[1] != MULTICODEC_ED25519_PUB[1]) {
            throw new IllegalArgumentException("Not an Ed25519 Multikey: " + multibase);
        }
        return publicKey(Arrays.copyOfRange(prefixed, 2, 34));
    }

    /** {@code did:key:z6Mk…#z6Mk…}. */
    static String didKeyVerificationMethod(PublicKey key) {
        String multibase = multibase(key);
        return "did:key:" + multibase + "#" + multibase;
    }

    /** The public key a {@code did:key} verification method names. */
    static PublicKey resolveDidKey(String verificationMethod) {
        if (!verificationMethod.startsWith("did:key:z6Mk")) {
            throw new IllegalArgumentException("Not an Ed25519 did:key: " + verificationMethod);
        }
        String id = verificationMethod.substring("did:key:".length());
        int hash = id.indexOf('#');
        return fromMultibase(hash < 0 ? id : id.substring(0, hash));
    }
}
