package fr.cqpi.credentials;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The credentials' own signing keys, kept in PostgreSQL so that every instance signs with the same ones: an RSA
 * 2048 key for the VC-JWTs (RS256) and an Ed25519 key for the Data Integrity proofs. The first instance that needs a
 * key creates it; a concurrent creation by another instance loses quietly and both read the stored one.
 */
@Component
class CredentialKeys {

    static final String VC_JWT = "VC_JWT_RS256";
    static final String DATA_INTEGRITY = "DATA_INTEGRITY_ED25519";
    /** The path of the VC-JWT key's {@code kid}: it answers the public JWK. */
    static final String JWK_PATH = "/credentials/keys/vc-jwt";

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Map<String, KeyPair> loaded = new ConcurrentHashMap<>();

    CredentialKeys(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    KeyPair rsa() {
        return loaded.computeIfAbsent(VC_JWT, purpose -> loadOrCreate(purpose, "RSA", 2048));
    }

    KeyPair ed25519() {
        return loaded.computeIfAbsent(DATA_INTEGRITY, purpose -> loadOrCreate(purpose, "Ed25519", 0));
    }

    /** The public JWK of the VC-JWT key, {@code kid} the URL that serves it. */
    RSAKey publicJwk(String baseUrl) {
        return new RSAKey.Builder((RSAPublicKey) rsa().getPublic())
                .keyID(baseUrl + JWK_PATH)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .build();
    }

    JWKSet publicJwks(String baseUrl) {
        return new JWKSet(publicJwk(baseUrl));
    }

    RSAPrivateKey rsaPrivate() {
        return (RSAPrivateKey) rsa().getPrivate();
    }

    /** {@code did:key:z6Mk…#z6Mk…}, the Data Integrity proofs' verification method. */
    String verificationMethod() {
        return Ed25519Keys.didKeyVerificationMethod(ed25519().getPublic());
    }

    /**
     * {@code did:key:z6Mk…}, the issuer's id: verifiers of Data Integrity proofs (the Digital Credentials
     * Consortium's among them) require the proof's verification method to be controlled by the issuer.
     */
    String issuerDid() {
        return "did:key:" + Ed25519Keys.multibase(ed25519().getPublic());
    }

    private KeyPair loadOrCreate(String purpose, String algorithm, int size) {
        return ownTransaction.execute(status -> {
            KeyPair stored = read(purpose, algorithm);
            if (stored != null) {
                return stored;
            }
            KeyPair fresh = generate(algorithm, size);
            jdbc.sql("""
                            insert into credential_key (purpose, private_key, public_key)
                            values (:purpose, :private, :public) on conflict (purpose) do nothing""")
                    .param("purpose", purpose)
                    .param("private", fresh.getPrivate().getEncoded())
                    .param("public", fresh.getPublic().getEncoded())
                    .update();
            return read(purpose, algorithm);
        });
    }

    private KeyPair read(String purpose, String algorithm) {
        return jdbc.sql("select private_key, public_key from credential_key where purpose = :purpose")
                .param("purpose", purpose)
                .query((rs, n) -> decode(algorithm, rs.getBytes("private_key"), rs.getBytes("public_key")))
                .optional()
                .orElse(null);
    }

    private static KeyPair decode(String algorithm, byte[] privateKey, byte[] publicKey) {
        try {
            KeyFactory factory = KeyFactory.getInstance(algorithm);
            PrivateKey priv = factory.generatePrivate(new PKCS8EncodedKeySpec(privateKey));
            PublicKey pub = factory.generatePublic(new X509EncodedKeySpec(publicKey));
            return new KeyPair(pub, priv);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unreadable stored " + algorithm + " key", e);
        }
    }

    private static KeyPair generate(String algorithm, int size) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (size > 0) {
                generator.initialize(size);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
