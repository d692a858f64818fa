package fr.cqpi.credentials;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A credential as a VC-JWT the way Open Badges 3.0 §8.2 (JSON Web Token Proof Format) makes it: the JOSE header
 * {@code alg} RS256, {@code kid} a URL that answers the public JWK, {@code typ} JWT and nothing else; the payload the
 * credential itself (its Data Integrity proof included, made first) with the claims {@code iss} (issuer.id),
 * {@code jti} (id), {@code nbf} (validFrom) and {@code sub} (credentialSubject.id).
 */
final class VcJwts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private VcJwts() {}

    @SuppressWarnings("unchecked")
    static String sign(Map<String, Object> credential, String kid, RSAPrivateKey key) {
        Map<String, Object> payload = new LinkedHashMap<>(credential);
        Object issuer = credential.get("issuer");
        payload.put("iss", issuer instanceof Map<?, ?> profile ? profile.get("id") : issuer);
        payload.put("jti", credential.get("id"));
        payload.put("nbf", Instant.parse((String) credential.get("validFrom")).getEpochSecond());
        payload.put("sub", ((Map<String, Object>) credential.get("credentialSubject")).get("id"));
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(kid)
                .type(JOSEObjectType.JWT)
                .build();
        JWSObject jws = new JWSObject(header, new Payload(JSON.writeValueAsString(payload)));
        try {
            jws.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("VC-JWT signature failed", e);
        }
        return jws.serialize();
    }
}
