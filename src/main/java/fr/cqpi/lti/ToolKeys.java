package fr.cqpi.lti;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
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
import org.springframework.security.converter.RsaKeyConverters;
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

    private static final Duration ACTIVE_KEY_REREAD = Duration.ofSeconds(30);
    private static final String ACTIVE = "active";

    private final JdbcClient jdbc;
    private final LtiProperties properties;
    private final TransactionTemplate transactions;
    private final LoadingCache<String, RSAKey> activeKey;

    ToolKeys(JdbcClient jdbc, LtiProperties properties, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.transactions = transactions;
        this.activeKey = Caffeine.newBuilder()
                .maximumSize(1)
                .expireAfterWrite(ACTIVE_KEY_REREAD)
                .build(any -> readSigningKey());
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
                    activeKey.invalidateAll();
                    log.info("Tool signing key {} taken from cqpi.lti.tool-key-pem", configured.getKeyID());
                }
            } else if (activeKid().isEmpty()) {
                RSAKey key = generate();
                store(key);
                log.info("Generated tool signing key {}", key.getKeyID());
            }
        });
    }

    /** Signs a JWT the tool issues (client assertions, deep-linking responses) with the active key, RS256. */
    public String sign(JWTClaimsSet claims) {
        RSAKey key = signingKey();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign with the tool key " + key.getKeyID(), e);
        }
        return jwt.serialize();
    }

    /** The kid of the key that signs now. */
    public String activeKeyId() {
        return signingKey().getKeyID();
    }

    /**
     * The key that signs now, private part included. Read at most every {@link #ACTIVE_KEY_REREAD} so that each
     * signature does not parse the key again; another instance's rotation reaches this one within that delay,
     * and the retired key stays published long after it.
     */
    RSAKey signingKey() {
        return activeKey.get(ACTIVE);
    }

    private RSAKey readSigningKey() {
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
        activeKey.invalidateAll();
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
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) RsaKeyConverters.pkcs8()
                    .convert(new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII)));
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
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
