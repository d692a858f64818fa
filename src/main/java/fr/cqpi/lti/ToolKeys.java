package fr.cqpi.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tool's RSA signing keys, kept in PostgreSQL so that every instance signs with the same key.
 * The kid is the key's JWK thumbprint, so it is stable across restarts and instances.
 */
@NamedInterface("keys")
@Service
public class ToolKeys implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ToolKeys.class);
    /** Longer than any token the tool signs (client assertions and deep-linking responses live 5 minutes). */
    public static final Duration RETIRED_KEY_PUBLICATION = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final LtiProperties properties;
    private final TransactionTemplate transactions;

    ToolKeys(JdbcClient jdbc, LtiProperties properties, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.transactions = transactions;
    }

    @Override
    public void afterSingletonsInstantiated() {
        transactions.executeWithoutResult(status -> {
            lock();
            if (properties.toolKeyPem() != null && !properties.toolKeyPem().isBlank()) {
                RSAKey configured = fromPem(properties.toolKeyPem());
                if (activeKid().filter(configured.getKeyID()::equals).isEmpty()) {
                    retireActive();
                    store(configured);
                    log.info("Tool signing key {} taken from cqpi.lti.tool-key-pem", configured.getKeyID());
                }
            } else if (activeKid().isEmpty()) {
                RSAKey key = generate();
                store(key);
                log.info("Generated tool signing key {}", key.getKeyID());
            }
        });
    }

    /** The key that signs now, private part included. */
    public RSAKey signingKey() {
        String pem = jdbc.sql("select private_key_pem from tool_key where retired_at is null order by id desc limit 1")
                .query(String.class)
                .single();
        return fromPem(pem);
    }

    /** Public keys: the active one and retired ones still within their publication window. */
    public JWKSet publicKeys() {
        List<String> jwks = jdbc.sql("""
                        select public_jwk from tool_key
                        where retired_at is null or publish_until > now() order by id desc""").query(String.class).list();
        return new JWKSet(jwks.stream()
                .<com.nimbusds.jose.jwk.JWK>map(ToolKeys::parsePublic)
                .toList());
    }

    /** A new active key; the previous one stays published for {@link #RETIRED_KEY_PUBLICATION}. */
    @Transactional
    public String rotate() {
        lock();
        retireActive();
        RSAKey key = generate();
        store(key);
        log.info("Rotated tool signing key, new kid {}", key.getKeyID());
        return key.getKeyID();
    }

    private void lock() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('tool_key'))").query().singleRow();
    }

    private java.util.Optional<String> activeKid() {
        return jdbc.sql("select kid from tool_key where retired_at is null order by id desc limit 1")
                .query(String.class)
                .optional();
    }

    private void retireActive() {
        jdbc.sql(
                        "update tool_key set retired_at = now(), publish_until = now() + cast(:window as interval) where retired_at is null")
                .param("window", RETIRED_KEY_PUBLICATION.toSeconds() + " seconds")
                .update();
    }

    private void store(RSAKey key) {
        jdbc.sql("insert into tool_key (kid, private_key_pem, public_jwk) values (:kid, :pem, :jwk)")
                .param("kid", key.getKeyID())
                .param("pem", toPem(key))
                .param("jwk", key.toPublicJWK().toJSONString())
                .update();
    }

    private static RSAKey generate() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).generate();
            return withThumbprintKid(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
    }

    private static RSAKey withThumbprintKid(RSAKey key) throws JOSEException {
        return new RSAKey.Builder(key.toRSAPublicKey())
                .privateKey(key.toRSAPrivateKey())
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .keyID(key.computeThumbprint().toString())
                .build();
    }

    static RSAKey fromPem(String pem) {
        try {
            String base64 =
                    pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            KeyFactory factory = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) factory.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            RSAPublicKey publicKey = (RSAPublicKey) factory.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return withThumbprintKid(
                    new RSAKey.Builder(publicKey).privateKey(privateKey).build());
        } catch (Exception e) {
            throw new IllegalStateException("The tool key is not a PKCS#8 RSA private key in PEM form", e);
        }
    }

    private static String toPem(RSAKey key) {
        try {
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes())
                    .encodeToString(key.toRSAPrivateKey().getEncoded());
            return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey parsePublic(String json) {
        try {
            return RSAKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("Stored public key is not a JWK", e);
        }
    }
}
