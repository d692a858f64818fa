package fr.cqpi.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The canonicalizer refuses what JSON-LD safe mode refuses, as the Digital Credentials Consortium's and Digital
 * Bazaar's verifiers run it: our credentials named {@code 1EdTechJsonSchemaValidator2019} as the type of their
 * {@code credentialSchema} without the context that defines it; our own signing and verifying dropped it silently,
 * both outside verifiers answered "Safe mode validation error" (scripts/verify-credentials-outside.sh).
 */
class RdfCanonicalizerTest {

    static String credential(String contexts, String extra) {
        return """
                {"@context": [%s],
                 "id": "https://example.edu/credentials/1",
                 "type": ["VerifiableCredential", "OpenBadgeCredential"],
                 "issuer": {"id": "did:key:z6MkoM1DBGYjF7VTv7yj5GMv8NLqZrJKbuhFsmCuN9yLoBTs", "type": ["Profile"],
                            "name": "Issuer"},
                 "validFrom": "2026-11-30T23:00:00Z",
                 "credentialSubject": {"id": "urn:uuid:ac278777-1b2d-4c2d-a2df-b04d3ab67f13",
                                       "type": ["AchievementSubject"]},
                 "credentialSchema": [{"id": "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json",
                                       "type": "1EdTechJsonSchemaValidator2019"}]%s}""".formatted(contexts, extra);
    }

    static final String VC_OB = "\"" + JsonLdContexts.VC_V2 + "\", \"" + JsonLdContexts.OB_V3 + "\"";
    static final String VC_OB_EXTENSIONS = VC_OB + ", \"" + JsonLdContexts.OB_V3_EXTENSIONS + "\"";

    @Test
    void aTypeNoContextDefinesIsRefusedNotDropped() {
        assertThatThrownBy(() -> RdfCanonicalizer.canonicalize(credential(VC_OB, "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"1EdTechJsonSchemaValidator2019\" is no absolute IRI");
    }

    @Test
    void theObExtensionsContextDefinesTheSchemaValidatorType() {
        assertThat(RdfCanonicalizer.canonicalize(credential(VC_OB_EXTENSIONS, "")))
                .contains(" <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
                        + " <https://purl.imsglobal.org/spec/vccs/v1p0/context.json#1EdTechJsonSchemaValidator2019> .");
    }

    @Test
    void aRelativeIdOrAnUndefinedPropertyIsRefused() {
        assertThatThrownBy(() -> RdfCanonicalizer.canonicalize(credential(
                        VC_OB_EXTENSIONS, ", \"evidence\": [{\"id\": \"jury/1\", \"type\": [\"Evidence\"]}]")))
                .hasMessageContaining("\"jury/1\" is no absolute IRI");
        assertThatThrownBy(() -> RdfCanonicalizer.canonicalize(credential(VC_OB_EXTENSIONS, ", \"juryRoom\": \"B12\"")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCredentialEmbeddedAsIssuedBeforeTheCheckIsTakenAsItIs() {
        String issuedBefore = credential(VC_OB, "");
        String clr = """
                {"@context": ["%s", "%s", "%s", "%s"],
                 "id": "https://example.edu/credentials/2",
                 "type": ["VerifiableCredential", "ClrCredential"],
                 "issuer": {"id": "did:key:z6MkoM1DBGYjF7VTv7yj5GMv8NLqZrJKbuhFsmCuN9yLoBTs", "type": ["Profile"],
                            "name": "Issuer"},
                 "validFrom": "2026-11-30T23:00:00Z",
                 "credentialSubject": {"type": ["ClrSubject"], "verifiableCredential": [%s]}}""".formatted(
                        JsonLdContexts.VC_V2,
                        JsonLdContexts.CLR_V2,
                        JsonLdContexts.OB_V3,
                        JsonLdContexts.OB_V3_EXTENSIONS,
                        issuedBefore);
        assertThat(RdfCanonicalizer.canonicalize(clr)).contains("<https://example.edu/credentials/1>");
    }
}
