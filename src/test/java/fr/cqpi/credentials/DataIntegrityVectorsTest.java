package fr.cqpi.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.apicatalog.multibase.Multibase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 1EdTech Open Badges 3.0 eddsa-rdfc-2022 test vector (src/test/resources/credentials/ob-test-vectors, source
 * named in its README) reproduced byte for byte: both canonical forms, both hashes, the signature and the proofValue.
 */
class DataIntegrityVectorsTest {

    static final HexFormat HEX = HexFormat.of();
    static final String PRIVATE_SEED = "6241a409e6707bb640a0140a8a32bc3d193c33a661747284d6adfa4ed4180be4";
    static final String PUBLIC = "4bdeafde2ea8beefadd8c699b5c7e0704cf51154d52e17b20b71337ca04cc5a5";
    static final String VERIFICATION_METHOD =
            "https://example.edu/issuers/565049#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi";

    static String resource(String name) throws IOException {
        try (InputStream in =
                DataIntegrityVectorsTest.class.getResourceAsStream("/credentials/ob-test-vectors/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Map<String, Object> credential() throws IOException {
        return JsonMapper.builder().build().readValue(resource("credential.json"), new TypeReference<>() {});
    }

    @Test
    void theCanonicalFormsHashesSignatureAndProofValueAreThe1EdTechVectors() throws Exception {
        Map<String, Object> document = credential();
        Map<String, Object> options = DataIntegrityProofs.options("2010-01-01T19:23:24Z", VERIFICATION_METHOD);
        Map<String, Object> proofConfig = new LinkedHashMap<>(options);
        proofConfig.put("@context", document.get("@context"));
        var json = JsonMapper.builder().build();

        String documentCanon = RdfCanonicalizer.canonicalize(json.writeValueAsString(document));
        String proofCanon = RdfCanonicalizer.canonicalize(json.writeValueAsString(proofConfig));
        assertThat(documentCanon).isEqualTo(resource("document-canon.txt"));
        assertThat(proofCanon).isEqualTo(resource("proof-canon.txt"));
        assertThat(HEX.formatHex(DataIntegrityProofs.sha256(documentCanon)))
                .isEqualTo("87f65a76d40146205e3b3e06cb0fbd153f97f9ce70372390f52566bb7f9e0773");
        assertThat(HEX.formatHex(DataIntegrityProofs.sha256(proofCanon)))
                .isEqualTo("d34009cea0dbc1ca941e09dc01c8c9d3e3ce3c5b853f67ee44698dcea10f5d19");

        byte[] data = DataIntegrityProofs.hashData(document, options);
        assertThat(HEX.formatHex(data))
                .isEqualTo("d34009cea0dbc1ca941e09dc01c8c9d3e3ce3c5b853f67ee44698dcea10f5d19"
                        + "87f65a76d40146205e3b3e06cb0fbd153f97f9ce70372390f52566bb7f9e0773");

        PrivateKey key = Ed25519Keys.privateKey(HEX.parseHex(PRIVATE_SEED));
        Map<String, Object> signed = DataIntegrityProofs.sign(document, options, key);
        @SuppressWarnings("unchecked")
        String proofValue = (String)
                ((List<Map<String, Object>>) signed.get("proof")).get(0).get("proofValue");
        assertThat(HEX.formatHex(Multibase.BASE_58_BTC.decode(proofValue)))
                .isEqualTo("f7a017acf7d27983267ec362657c0fb08e955549f49dac5bf36a03c4f2c3a4f1"
                        + "e3738a6c5ecd7ffba7135cb9cd754e6196f4b73082ea8df8e703c8ecd4333503");
        assertThat(proofValue)
                .isEqualTo("z5x9aCBYovW3CQCbKdNyhEm7ffYSw1YpEdPywQJoNbzDD2gkzQDKJ1sYKJaWvqZtkMtSbz35HcbgXVEDYHxCzgkCr");

        PublicKey publicKey = Ed25519Keys.publicKey(HEX.parseHex(PUBLIC));
        assertThat(Ed25519Keys.multibase(publicKey)).isEqualTo("z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi");
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(publicKey);
        verifier.update(data);
        assertThat(verifier.verify(Multibase.BASE_58_BTC.decode(proofValue))).isTrue();
    }

    @Test
    void aChangedDocumentNoLongerVerifies() throws Exception {
        PrivateKey key = Ed25519Keys.privateKey(HEX.parseHex(PRIVATE_SEED));
        String didKey = Ed25519Keys.didKeyVerificationMethod(Ed25519Keys.publicKey(HEX.parseHex(PUBLIC)));
        Map<String, Object> signed = DataIntegrityProofs.sign(
                credential(), DataIntegrityProofs.options("2010-01-01T19:23:24Z", didKey), key);
        assertThat(DataIntegrityProofs.verify(signed)).isTrue();
        signed.put("name", "Teamwork Badge (altered)");
        assertThat(DataIntegrityProofs.verify(signed)).isFalse();
    }

    @Test
    void aPropertyNoContextDefinesIsRefusedNotSilentlyDropped() throws Exception {
        Map<String, Object> document = credential();
        document.put("undefinedTerm", "not signed if dropped");
        String json = JsonMapper.builder().build().writeValueAsString(document);
        Assertions.assertThatThrownBy(() -> RdfCanonicalizer.canonicalize(json))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
