package fr.cqpi.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.multibase.Multibase;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import fr.cqpi.shared.QrCodesTest;
import fr.cqpi.support.AgsCourse;
import fr.cqpi.support.Json;
import fr.cqpi.support.LtiClient;
import fr.cqpi.support.ToolIntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.assertj.core.api.Assertions;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Open Badges 3.0 credential of a bloc the jury validated, end to end through real HTTP on the embedded
 * PostgreSQL: issued with the decision, valid against the official JSON Schema, its VC-JWT verified with the key its
 * {@code kid} URL answers, its Data Integrity proof verified by canonicalizing again and checking the Ed25519
 * signature, aligned to the CFItem the CASE endpoints serve; a recours overturning the decision revokes it in the
 * status list; a learner sees only their own; « Mes certifications » and its links.
 */
class CredentialsTest extends ToolIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String MEMBERS = """
            [{"name": "Claire Martin", "college": "EMPLOYEURS", "role": "PRESIDENT"},
             {"name": "Paul Durand", "college": "SALARIES", "role": "REPRESENTANT_SALARIES"},
             {"name": "Nadia Benali", "college": "EMPLOYEURS", "role": "REPRESENTANT_EMPLOYEURS"}]""";

    @Autowired
    Credentials credentials;

    static HttpResponse<String> post(AgsCourse course, String path, String body) {
        return course.trainer.send("POST", path, body, course.trainerHeaders);
    }

    static long session(AgsCourse course, String heldOn, String... candidates) {
        var created = post(
                course,
                "/api/v1/jury-sessions",
                "{\"heldOn\": \"" + heldOn + "\", \"place\": \"Lyon, OPCO\", \"members\": " + MEMBERS
                        + ", \"candidates\": [\"" + String.join("\",\"", candidates) + "\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Json.read(created.body()).get("id").asLong();
    }

    static void decide(AgsCourse course, long session, String learner, String bloc, String outcome, Long recours) {
        var decided = post(
                course,
                "/api/v1/jury-sessions/" + session + "/decisions",
                "{\"learnerId\": \"" + learner + "\", \"blocCode\": \"" + bloc + "\", \"outcome\": \"" + outcome
                        + "\", \"votesFor\": 3, \"votesAgainst\": 0, \"votesAbstention\": 0, \"reason\": \"Motif\""
                        + (recours == null ? "" : ", \"recoursId\": " + recours) + "}");
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(201);
    }

    /**
     * A recours on the learner's bloc, filed on 2026-12-03 and decided NON_VALIDE by a jury session of 2026-12-05
     * that presents only them: the bloc's validation is overturned.
     */
    static void overturnOnRecours(AgsCourse course, String learner, String bloc) {
        var recours = post(
                course,
                "/api/v1/learners/" + learner + "/recours",
                "{\"blocCode\": \"" + bloc + "\", \"filedOn\": \"2026-12-03\", \"grounds\": \"Contestation\"}");
        assertThat(recours.statusCode()).as(recours.body()).isEqualTo(201);
        long appeal = session(course, "2026-12-05", learner);
        decide(
                course,
                appeal,
                learner,
                bloc,
                "NON_VALIDE",
                Json.read(recours.body()).get("id").asLong());
    }

    static JsonNode list(LtiClient client, String learner) {
        var listed = client.get("/api/v1/learners/" + learner + "/credentials");
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        return Json.read(listed.body());
    }

    /** The path of one of the tool's URLs. */
    String path(String url) {
        String origin = "http://localhost:" + port;
        assertThat(url).startsWith(origin);
        return url.substring(origin.length());
    }

    @Test
    void aValidatedBlocGetsAVerifiableCredentialThatARecoursRevokes() throws Exception {
        AgsCourse course = new AgsCourse(this, LMS, registry, "ines", "omar");
        long session = session(course, "2026-12-01", "ines", "omar");
        decide(course, session, "ines", "B4", "VALIDE", null);
        decide(course, session, "ines", "B2", "NON_VALIDE", null);

        // Issued in the decision's transaction: one credential, B4, valid; B2 (not validated) has none.
        Integer stored = jdbc.sql("select count(*) from credential c join lti_user u on u.id = c.learner_id"
                        + " where u.sub = 'ines' and c.course_id = (select course_id from jury_session where id = :s)")
                .param("s", session)
                .query(Integer.class)
                .single();
        assertThat(stored).isEqualTo(1);
        JsonNode listed = list(course.trainer, "ines");
        assertThat(listed).hasSize(1);
        JsonNode entry = listed.get(0);
        assertThat(entry.get("blocCode").asString()).isEqualTo("B4");
        assertThat(entry.get("status").asString()).isEqualTo("VALID");
        assertThat(entry.get("issuedAt").asString()).isNotBlank();
        String id = entry.get("id").asString();
        String jwt = entry.get("jwt").asString();
        JsonNode credential = JSON.readTree(entry.get("json").asString());

        // The content the issue asks for.
        assertThat(credential.get("@context").get(0).asString()).isEqualTo("https://www.w3.org/ns/credentials/v2");
        assertThat(credential.get("@context").get(1).asString())
                .isEqualTo("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
        // The context that defines credentialSchema's type 1EdTechJsonSchemaValidator2019 (JSON-LD safe mode).
        assertThat(credential.get("@context").get(2).asString())
                .isEqualTo("https://purl.imsglobal.org/spec/ob/v3p0/extensions.json");
        assertThat(credential.get("id").asString()).isEqualTo("http://localhost:" + port + "/credentials/" + id);
        assertThat(credential.get("validFrom").asString()).isEqualTo("2026-11-30T23:00:00Z");
        assertThat(credential.at("/issuer/type/0").asString()).isEqualTo("Profile");
        // The issuer controls the proof's key (what Data Integrity verifiers such as the DCC's check).
        String method = credential.at("/proof/0/verificationMethod").asString();
        assertThat(credential.at("/issuer/id").asString())
                .startsWith("did:key:z6Mk")
                .isEqualTo(method.substring(0, method.indexOf('#')));
        assertThat(credential.at("/issuer/name").asString()).isNotBlank();
        JsonNode subject = credential.get("credentialSubject");
        assertThat(subject.get("id").asString()).startsWith("urn:uuid:");
        JsonNode identity = subject.at("/identifier/0");
        assertThat(identity.get("type").asString()).isEqualTo("IdentityObject");
        assertThat(identity.get("hashed").asBoolean()).isTrue();
        assertThat(identity.get("identityHash").asString()).matches("sha256\\$[0-9a-f]{64}");
        assertThat(identity.get("salt").asString()).hasSize(32);
        JsonNode achievement = subject.get("achievement");
        assertThat(achievement.get("achievementType").asString()).isEqualTo("Competency");
        assertThat(achievement.at("/criteria/narrative").asString())
                .contains("\n- C9 Communiquer avec différents interlocuteurs");
        JsonNode alignment = achievement.at("/alignment/0");
        assertThat(alignment.get("targetType").asString()).isEqualTo("CFItem");
        assertThat(credential.at("/evidence/0/name").asString())
                .contains("1 décembre 2026")
                .contains("Lyon");
        assertThat(credential.at("/credentialStatus/type").asString()).isEqualTo("BitstringStatusListEntry");
        assertThat(credential.at("/credentialStatus/statusPurpose").asString()).isEqualTo("revocation");

        // The alignment resolves to the B4 item the CASE endpoints serve.
        LtiClient anyone = browser();
        var item = anyone.get(path(alignment.get("targetUrl").asString()));
        assertThat(item.statusCode()).isEqualTo(200);
        assertThat(Json.read(item.body()).get("humanCodingScheme").asString()).isEqualTo("B4");

        // The official OB 3.0 JSON Schema (AchievementCredential) accepts it, and does check.
        Schema schema;
        try (InputStream in =
                getClass().getResourceAsStream("/credentials/schema/ob_v3p0_achievementcredential_schema.json")) {
            schema = SchemaRegistry.withDefaultDialect(
                            SpecificationVersion.DRAFT_2019_09,
                            registry -> registry.schemaRegistryConfig(SchemaRegistryConfig.builder()
                                    .formatAssertionsEnabled(true)
                                    .build()))
                    .getSchema(in, InputFormat.JSON);
        }
        assertThat(schema.validate(credential)).isEmpty();
        ObjectNode broken = (ObjectNode) credential.deepCopy();
        ((ObjectNode) broken.at("/credentialSubject/identifier/0")).remove("identityHash");
        assertThat(schema.validate(broken)).isNotEmpty();

        // The VC-JWT: header alg RS256, kid the URL of the public JWK, typ JWT, nothing else; the claims OB 3.0 asks.
        JWSObject jws = JWSObject.parse(jwt);
        assertThat(jws.getHeader().toJSONObject().keySet()).containsExactlyInAnyOrder("alg", "kid", "typ");
        assertThat(jws.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jws.getHeader().getType().getType()).isEqualTo("JWT");
        var jwkResponse = anyone.get(path(jws.getHeader().getKeyID()));
        assertThat(jwkResponse.statusCode()).isEqualTo(200);
        JWK jwk = JWK.parse(jwkResponse.body());
        assertThat(jwk.isPrivate()).isFalse();
        assertThat(jwk.getKeyID()).isEqualTo(jws.getHeader().getKeyID());
        assertThat(jws.verify(new RSASSAVerifier((RSAKey) jwk))).isTrue();
        JsonNode payload = JSON.readTree(jws.getPayload().toString());
        assertThat(payload.get("iss").asString())
                .isEqualTo(credential.at("/issuer/id").asString());
        assertThat(payload.get("jti").asString()).isEqualTo(credential.get("id").asString());
        assertThat(payload.get("sub").asString()).isEqualTo(subject.get("id").asString());
        assertThat(Instant.ofEpochSecond(payload.get("nbf").asLong()))
                .isEqualTo(Instant.parse(credential.get("validFrom").asString()));
        assertThat(payload.get("proof")).isEqualTo(credential.get("proof"));
        var jwks = Json.read(anyone.get("/credentials/keys/jwks.json").body());
        assertThat(jwks.at("/keys/0/kid").asString()).isEqualTo(jws.getHeader().getKeyID());
        assertThat(jwks.at("/keys/0/d").isMissingNode()).isTrue();

        // The Data Integrity proof, verified independently: canonicalize again, resolve the did:key, Ed25519.
        assertThat(verifiesIndependently(credential)).isTrue();
        ObjectNode altered = (ObjectNode) credential.deepCopy();
        altered.put("validFrom", "2020-01-01T00:00:00Z");
        assertThat(verifiesIndependently(altered)).isFalse();

        // Public content negotiation on the credential's id.
        assertThat(anyone.get("/credentials/" + id, Map.of("Accept", "application/vc+jwt"))
                        .body())
                .isEqualTo(jwt);
        var asJwt = anyone.get("/credentials/" + id, Map.of("Accept", "application/jwt"));
        assertThat(asJwt.body()).isEqualTo(jwt);
        assertThat(asJwt.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/jwt");
        var asLd = anyone.get("/credentials/" + id, Map.of("Accept", "application/ld+json"));
        assertThat(asLd.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/ld+json");
        assertThat(asLd.body()).isEqualTo(entry.get("json").asString());
        assertThat(anyone.get("/credentials/" + id, Map.of("Accept", "application/json"))
                        .body())
                .isEqualTo(entry.get("json").asString());
        var page = anyone.get("/credentials/" + id, Map.of("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"));
        assertThat(page.statusCode()).isEqualTo(200);
        Document html = Jsoup.parse(page.body());
        assertThat(html.getElementById("credential-status").text()).isEqualTo("Badge valide");
        assertThat(html.getElementById("credential-achievement").text()).contains("B4");
        assertThat(anyone.get("/credentials/" + UUID.randomUUID(), Map.of("Accept", "text/html"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(anyone.get("/credentials/not-a-uuid", Map.of("Accept", "application/json"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(anyone.send("POST", "/credentials/" + id, "", Map.of()).statusCode())
                .isEqualTo(405);

        // The status list: signed, 16 KiB at least, the credential's bit clear.
        String statusList =
                credential.at("/credentialStatus/statusListCredential").asString();
        int index = Integer.parseInt(
                credential.at("/credentialStatus/statusListIndex").asString());
        assertThat(revoked(anyone, statusList, index)).isFalse();

        // Idempotent: listing again or issuing the missing ones makes nothing new.
        assertThat(credentials.issueMissing()).isZero();
        assertThat(list(course.trainer, "ines")).hasSize(1);

        // A recours, decided NON_VALIDE: the credential is revoked, the status list says so.
        overturnOnRecours(course, "ines", "B4");
        assertThat(revoked(anyone, statusList, index)).isTrue();
        JsonNode after = list(course.trainer, "ines");
        assertThat(after).hasSize(1);
        assertThat(after.get(0).get("status").asString()).isEqualTo("REVOKED");
        assertThat(after.get(0).get("json").asString())
                .isEqualTo(entry.get("json").asString());
        assertThat(after.get(0).get("jwt").asString()).isEqualTo(jwt);
        assertThat(Jsoup.parse(anyone.get("/credentials/" + id, Map.of("Accept", "text/html"))
                                .body())
                        .getElementById("credential-status")
                        .text())
                .isEqualTo("Badge révoqué");
        // Validated again by a later jury: a new credential, the revoked one unchanged.
        long third = session(course, "2026-12-06", "ines");
        decide(course, third, "ines", "B4", "VALIDE", null);
        JsonNode again = list(course.trainer, "ines");
        assertThat(again).hasSize(2);
        assertThat(again.findValuesAsString("status")).containsExactly("REVOKED", "VALID");
    }

    @Test
    void aLearnerListsOnlyTheirOwnCredentialsAndReachesThemFromTheirPage() throws Exception {
        AgsCourse course = new AgsCourse(this, LMS, registry, "lea", "noe");
        long session = session(course, "2026-12-01", "lea", "noe");
        decide(course, session, "lea", "B1", "VALIDE", null);
        String jwt = list(course.trainer, "lea").get(0).get("jwt").asString();

        // Another learner: refused, nothing of lea's credential in the answer.
        var refused = course.learner("noe").get("/api/v1/learners/lea/credentials");
        assertThat(refused.statusCode()).isIn(403, 404);
        assertThat(refused.body()).doesNotContain(jwt).doesNotContain("credentials/");
        var refusedPage = course.learner("noe").get("/app/learners/lea/credentials");
        assertThat(refusedPage.statusCode()).isIn(403, 404);
        assertThat(refusedPage.body()).doesNotContain("/credentials/");
        assertThat(list(course.learner("noe"), "noe")).isEmpty();

        // lea herself: the API, and « Mes certifications » with working links.
        LtiClient lea = course.learner("lea");
        JsonNode mine = list(lea, "lea");
        assertThat(mine).hasSize(1);
        String id = mine.get(0).get("id").asString();
        var page = lea.get("/app/learners/lea/credentials");
        assertThat(page.statusCode()).isEqualTo(200);
        Document html = Jsoup.parse(page.body());
        assertThat(html.selectFirst("h1").text()).isEqualTo("Mes certifications");
        var item = html.getElementById("credential-" + id);
        assertThat(item).isNotNull();
        assertThat(item.text()).contains("B1").contains("valide");
        List<String> links = item.select("a[href]").eachAttr("href");
        assertThat(links)
                .containsExactly("/credentials/" + id + ".json", "/credentials/" + id + ".jwt", "/credentials/" + id);
        // Adding it to a wallet: a QR code of the credential's public URL, which answers a wallet the signed JSON-LD.
        String url = JSON.readTree(mine.get(0).get("json").asString()).get("id").asString();
        assertThat(item.selectFirst(".credential-wallet summary").text())
                .isEqualTo("Ajouter à un portefeuille numérique");
        assertThat(QrCodesTest.decode(item.selectFirst(".credential-wallet img").attr("src")))
                .isEqualTo(url);
        assertThat(item.selectFirst(".credential-url").text()).isEqualTo(url);
        assertThat(browser()
                        .get(path(url), Map.of("Accept", "application/json"))
                        .body())
                .isEqualTo(mine.get(0).get("json").asString());
        LtiClient anyone = browser();
        var json = anyone.get(links.get(0));
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("attachment");
        assertThat(json.body()).isEqualTo(mine.get(0).get("json").asString());
        var jwtFile = anyone.get(links.get(1));
        assertThat(jwtFile.statusCode()).isEqualTo(200);
        assertThat(jwtFile.body()).isEqualTo(jwt);
        var verification = anyone.get(links.get(2), Map.of("Accept", "text/html"));
        assertThat(verification.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(verification.body())
                        .getElementById("credential-status")
                        .text())
                .isEqualTo("Badge valide");
        // Stored once: PostgreSQL refuses to change or delete an issued credential, or to lift a revocation.
        UUID uuid = UUID.fromString(id);
        Assertions.assertThatThrownBy(
                        () -> jdbc.sql("update credential set json = replace(json, 'B1', 'B2') where id = :id")
                                .param("id", uuid)
                                .update())
                .rootCause()
                .hasMessageContaining("never changed");
        Assertions.assertThatThrownBy(() -> jdbc.sql("delete from credential where id = :id")
                        .param("id", uuid)
                        .update())
                .rootCause()
                .hasMessageContaining("never changed");
        assertThat(credentials.revoke(uuid, "Essai", "test")).isTrue();
        Assertions.assertThatThrownBy(() -> jdbc.sql(
                                "update credential set revoked_at = null, revocation_reason = null where id = :id")
                        .param("id", uuid)
                        .update())
                .rootCause()
                .hasMessageContaining("never changed");
        assertThat(credentials.revoke(uuid, "Encore", "test")).isFalse();
        assertThat(anyone.get(links.get(1)).body()).isEqualTo(jwt);

        // The grid links to it.
        assertThat(Jsoup.parse(lea.get("/app/learners/lea").body()).select("a[href='/app/learners/lea/credentials']"))
                .isNotEmpty();
    }

    @Test
    void theFourBlocsValidatedGiveAClrCertificateThatARecoursOnAnyBlocRevokes() throws Exception {
        AgsCourse course = new AgsCourse(this, LMS, registry, "zoe", "yan");
        long session = session(course, "2026-12-01", "zoe", "yan");
        decide(course, session, "zoe", "B1", "VALIDE", null);
        decide(course, session, "zoe", "B2", "VALIDE", null);
        decide(course, session, "zoe", "B3", "VALIDE", null);
        assertThat(list(course.trainer, "zoe").findValuesAsString("blocCode")).doesNotContain("CERTIFICATE");
        long second = session(course, "2026-12-02", "zoe");
        decide(course, second, "zoe", "B4", "VALIDE", null);

        // Issued in the transaction of the decision that validated the last bloc.
        // Counted in this course's platform: other tests' learners may share the sub.
        Integer certificates = jdbc.sql("select count(*) from credential c join lti_user u on u.id = c.learner_id"
                        + " join platform p on p.id = u.platform_id"
                        + " where u.sub = 'zoe' and c.kind = 'CERTIFICATE' and p.client_id = :client")
                .param("client", course.platform.clientId())
                .query(Integer.class)
                .single();
        assertThat(certificates).isEqualTo(1);
        JsonNode listed = list(course.trainer, "zoe");
        assertThat(listed.findValuesAsString("blocCode"))
                .containsExactlyInAnyOrder("B1", "B2", "B3", "B4", "CERTIFICATE");
        JsonNode entry = null;
        for (JsonNode e : listed) {
            if (e.get("blocCode").asString().equals("CERTIFICATE")) {
                entry = e;
            }
        }
        assertThat(entry.get("status").asString()).isEqualTo("VALID");
        JsonNode clr = JSON.readTree(entry.get("json").asString());
        assertThat(clr.get("@context").findValuesAsString("@context")).isEmpty();
        assertThat(List.of(
                        clr.get("@context").get(0).asString(),
                        clr.get("@context").get(1).asString(),
                        clr.get("@context").get(2).asString(),
                        clr.get("@context").get(3).asString()))
                .containsExactly(
                        "https://www.w3.org/ns/credentials/v2",
                        "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
                        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
                        "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json");
        assertThat(clr.at("/type/1").asString()).isEqualTo("ClrCredential");
        assertThat(clr.get("validFrom").asString()).isEqualTo("2026-12-01T23:00:00Z");
        JsonNode subject = clr.get("credentialSubject");
        assertThat(subject.at("/type/0").asString()).isEqualTo("ClrSubject");
        assertThat(subject.at("/achievement/0/achievementType").asString()).isEqualTo("Certificate");
        assertThat(subject.get("achievement")).hasSize(5);
        assertThat(subject.get("association")).hasSize(4);
        assertThat(subject.at("/association/0/associationType").asString()).isEqualTo("isParentOf");
        assertThat(subject.at("/association/0/sourceId").asString())
                .isEqualTo(subject.at("/achievement/0/id").asString());
        assertThat(subject.at("/association/3/targetId").asString())
                .isEqualTo(subject.at("/achievement/4/id").asString());
        assertThat(clr.get("evidence")).hasSize(4);

        // The embedded bloc credentials are the issued ones, byte for byte, and still verify.
        JsonNode embedded = subject.get("verifiableCredential");
        assertThat(embedded).hasSize(4);
        for (int i = 0; i < 4; i++) {
            JsonNode bloc = embedded.get(i);
            assertThat(bloc.at("/credentialSubject/achievement/humanCode").asString())
                    .isEqualTo("B" + (i + 1));
            String blocJson = null;
            for (JsonNode e : listed) {
                if (e.get("blocCode").asString().equals("B" + (i + 1))) {
                    blocJson = e.get("json").asString();
                }
            }
            assertThat(bloc).isEqualTo(JSON.readTree(blocJson));
            assertThat(verifiesIndependently(bloc)).isTrue();
        }

        // The official CLR 2.0 JSON Schema accepts it, and does check.
        Schema schema;
        try (InputStream in =
                getClass().getResourceAsStream("/credentials/schema/clr_v2p0_clrcredential_schema.json")) {
            schema = SchemaRegistry.withDefaultDialect(
                            SpecificationVersion.DRAFT_2019_09,
                            registry -> registry.schemaRegistryConfig(SchemaRegistryConfig.builder()
                                    .formatAssertionsEnabled(true)
                                    .build()))
                    .getSchema(in, InputFormat.JSON);
        }
        assertThat(schema.validate(clr)).isEmpty();
        ObjectNode broken = (ObjectNode) clr.deepCopy();
        ((ObjectNode) broken.get("credentialSubject")).remove("verifiableCredential");
        assertThat(schema.validate(broken)).isNotEmpty();

        // The VC-JWT, verified with the key its kid names; the Data Integrity proof, verified independently.
        LtiClient anyone = browser();
        JWSObject jws = JWSObject.parse(entry.get("jwt").asString());
        assertThat(jws.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        JWK jwk = JWK.parse(anyone.get(path(jws.getHeader().getKeyID())).body());
        assertThat(jws.verify(new RSASSAVerifier((RSAKey) jwk))).isTrue();
        JsonNode payload = JSON.readTree(jws.getPayload().toString());
        assertThat(payload.get("jti").asString()).isEqualTo(clr.get("id").asString());
        assertThat(payload.get("sub").asString()).isEqualTo(subject.get("id").asString());
        assertThat(payload.get("iss").asString()).isEqualTo(clr.at("/issuer/id").asString());
        assertThat(verifiesIndependently(clr)).isTrue();
        ObjectNode altered = (ObjectNode) clr.deepCopy();
        ((ObjectNode) altered.at("/credentialSubject/verifiableCredential/1")).put("validFrom", "2020-01-01T00:00:00Z");
        assertThat(verifiesIndependently(altered)).isFalse();

        // Its public page names the certificate.
        String id = entry.get("id").asString();
        Document page = Jsoup.parse(
                anyone.get("/credentials/" + id, Map.of("Accept", "text/html")).body());
        assertThat(page.getElementById("credential-status").text()).isEqualTo("Badge valide");
        assertThat(page.getElementById("credential-achievement").text()).contains("CQP");

        // « Mes certifications » names it and offers it to a wallet.
        var mine = course.learner("zoe").get("/app/learners/zoe/credentials");
        assertThat(mine.statusCode()).isEqualTo(200);
        var item = Jsoup.parse(mine.body()).getElementById("credential-" + id);
        assertThat(item.selectFirst("h2").text()).startsWith("Certificat").contains("CLR 2.0");
        assertThat(QrCodesTest.decode(item.selectFirst(".credential-wallet img").attr("src")))
                .isEqualTo(clr.get("id").asString());

        // Idempotent.
        assertThat(credentials.issueMissing()).isZero();

        // A recours overturns B2: B2's credential and the certificate are revoked in the status list.
        String statusList = clr.at("/credentialStatus/statusListCredential").asString();
        int index = Integer.parseInt(clr.at("/credentialStatus/statusListIndex").asString());
        assertThat(revoked(anyone, statusList, index)).isFalse();
        overturnOnRecours(course, "zoe", "B2");
        assertThat(revoked(anyone, statusList, index)).isTrue();
        JsonNode after = list(course.trainer, "zoe");
        for (JsonNode e : after) {
            String code = e.get("blocCode").asString();
            assertThat(e.get("status").asString())
                    .as(code)
                    .isEqualTo(code.equals("B2") || code.equals("CERTIFICATE") ? "REVOKED" : "VALID");
        }
        // B2 validated again: a new B2 credential and a new certificate embedding it.
        long third = session(course, "2026-12-06", "zoe");
        decide(course, third, "zoe", "B2", "VALIDE", null);
        JsonNode again = list(course.trainer, "zoe");
        assertThat(again).hasSize(7);
        long standingCertificates = 0;
        for (JsonNode e : again) {
            if (e.get("blocCode").asString().equals("CERTIFICATE")
                    && e.get("status").asString().equals("VALID")) {
                standingCertificates++;
            }
        }
        assertThat(standingCertificates).isEqualTo(1);
    }

    /** Remove the proof, canonicalize document and proof options (RDFC-1.0), SHA-256 both, Ed25519-verify. */
    static boolean verifiesIndependently(JsonNode signed) throws Exception {
        ObjectNode document = (ObjectNode) signed.deepCopy();
        JsonNode proofs = document.remove("proof");
        assertThat(proofs.isArray() && proofs.size() == 1)
                .as("a set of one proof")
                .isTrue();
        ObjectNode proof = (ObjectNode) proofs.get(0);
        String proofValue = proof.remove("proofValue").asString();
        proof.set("@context", document.get("@context"));
        String method = proof.get("verificationMethod").asString();
        assertThat(method).startsWith("did:key:z6Mk");
        byte[] multikey = Multibase.BASE_58_BTC.decode(method.substring("did:key:".length(), method.indexOf('#')));
        assertThat(Arrays.copyOf(multikey, 2)).containsExactly((byte) 0xed, (byte) 0x01);
        byte[] spki = HexFormat.of().parseHex("302a300506032b6570032100");
        byte[] encoded = Arrays.copyOf(spki, 44);
        System.arraycopy(multikey, 2, encoded, 12, 32);
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] proofHash = sha.digest(canonical(JSON.writeValueAsString(proof)));
        byte[] documentHash = sha.digest(canonical(JSON.writeValueAsString(document)));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(proofHash);
        verifier.update(documentHash);
        return verifier.verify(Multibase.BASE_58_BTC.decode(proofValue));
    }

    static byte[] canonical(String jsonLd) throws Exception {
        RdfCanon canon = RdfCanon.create("SHA-256");
        JsonLd.toRdf(JsonDocument.of(new StringReader(jsonLd)))
                .loader(JsonLdContexts.BUNDLED)
                .provide(canon);
        StringWriter out = new StringWriter();
        canon.provide(new NQuadsWriter(out));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The bit at {@code index} of the status list the URL serves, after checking its proof and its size. */
    boolean revoked(LtiClient client, String url, int index) throws Exception {
        var response = client.get(path(url), Map.of("Accept", "application/ld+json"));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode list = JSON.readTree(response.body());
        assertThat(list.get("type").findValuesAsString("type")).isEmpty();
        assertThat(Set.of(
                        list.get("type").get(0).asString(),
                        list.get("type").get(1).asString()))
                .containsExactlyInAnyOrder("VerifiableCredential", "BitstringStatusListCredential");
        assertThat(verifiesIndependently(list)).isTrue();
        // Its issuer controls the proof's key and is the credentials' issuer (what Data Integrity and Bitstring
        // Status List verifiers check: Digital Bazaar's refused an issuer URL beside a did:key proof).
        String method = list.at("/proof/0/verificationMethod").asString();
        assertThat(list.get("issuer").asString())
                .startsWith("did:key:z6Mk")
                .isEqualTo(method.substring(0, method.indexOf('#')));
        JsonNode subject = list.get("credentialSubject");
        assertThat(subject.get("type").asString()).isEqualTo("BitstringStatusList");
        assertThat(subject.get("statusPurpose").asString()).isEqualTo("revocation");
        String encoded = subject.get("encodedList").asString();
        assertThat(encoded).startsWith("u");
        byte[] bits;
        try (var gzip = new GZIPInputStream(
                new ByteArrayInputStream(Base64.getUrlDecoder().decode(encoded.substring(1))))) {
            bits = gzip.readAllBytes();
        }
        assertThat(bits.length).isGreaterThanOrEqualTo(16 * 1024);
        // Served as a VC-JWT too.
        var asJwt = client.get(path(url), Map.of("Accept", "application/vc+jwt"));
        assertThat(JWSObject.parse(asJwt.body()).getHeader().getKeyID()).endsWith("/credentials/keys/vc-jwt");
        return (bits[index / 8] & (0x80 >>> (index % 8))) != 0;
    }
}
