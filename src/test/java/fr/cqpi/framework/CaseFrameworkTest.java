package fr.cqpi.framework;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import fr.cqpi.support.ToolIntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The référentiel as a CASE 1.1 framework, over real HTTP without any login: the CFPackage valid against 1EdTech's
 * official JSON Schema, 4 + 9 + 80 items and their isChildOf associations, identifiers computed here independently
 * (UUID v5), every {@code uri} answering 200, unknown identifiers 404 with the binding's status payload, and
 * anything but GET refused.
 */
class CaseFrameworkTest extends ToolIntegrationTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String CODE = "cqpi-assistant";

    @Test
    void packageIsValidAgainstTheOfficialCase11Schema() throws Exception {
        JsonNode pckg = getJson("/ims/case/v1p1/CFPackages/" + documentId(CODE, 1));

        Schema schema;
        try (InputStream in = getClass().getResourceAsStream("/case/case_v1p1_cfpackage-jsonschema1.json")) {
            schema = SchemaRegistry.withDefaultDialect(
                            SpecificationVersion.DRAFT_2019_09,
                            registry -> registry.schemaRegistryConfig(SchemaRegistryConfig.builder()
                                    .formatAssertionsEnabled(true)
                                    .build()))
                    .getSchema(in, InputFormat.JSON);
        }
        List<Error> errors = schema.validate(pckg);
        assertThat(errors).isEmpty();

        // The schema does check: a package without its document's identifier is refused.
        var broken = pckg.deepCopy();
        ((ObjectNode) broken.get("CFDocument")).remove("identifier");
        assertThat(schema.validate(broken)).isNotEmpty();
    }

    @Test
    void fourBlocsNineCompetencesEightyCriteriaEachAChildOfItsParent() throws Exception {
        JsonNode pckg = getJson("/ims/case/v1p1/CFPackages/" + documentId(CODE, 1));
        JsonNode document = pckg.get("CFDocument");
        assertThat(document.get("title").asString()).isEqualTo("CQPI Assistant(e)");
        assertThat(document.get("caseVersion").asString()).isEqualTo("1.1");
        assertThat(document.get("creator").asString()).contains("Papier-Carton");
        assertThat(document.get("adoptionStatus").asString()).isEqualTo("Adopted");

        List<JsonNode> items = list(pckg.get("CFItems"));
        assertThat(items).hasSize(93);
        Map<String, Long> perType = new HashMap<>();
        items.forEach(i -> perType.merge(i.get("CFItemType").asString(), 1L, Long::sum));
        assertThat(perType)
                .containsOnly(
                        Map.entry("Bloc de compétences", 4L),
                        Map.entry("Compétence", 9L),
                        Map.entry("Critère d'évaluation", 80L));
        assertThat(items.stream().map(i -> i.get("humanCodingScheme").asString()))
                .startsWith("B1", "C1", "C1.1")
                .contains("B4", "C9", "C9.11", "C8.1");
        for (JsonNode item : items) {
            String code = item.get("humanCodingScheme").asString();
            assertThat(item.get("identifier").asString())
                    .isEqualTo(itemId(CODE, 1, code).toString());
        }
        JsonNode c81 = items.stream()
                .filter(i -> i.get("humanCodingScheme").asString().equals("C8.1"))
                .findFirst()
                .orElseThrow();
        assertThat(c81.get("fullStatement").asString()).isEqualTo("Tout aléa, incident ou anomalie est identifié.");

        List<JsonNode> associations = list(pckg.get("CFAssociations"));
        assertThat(associations).hasSize(93);
        assertThat(associations)
                .allMatch(a -> a.get("associationType").asString().equals("isChildOf"));
        Map<String, String> parentOf = new HashMap<>();
        for (JsonNode a : associations) {
            parentOf.put(
                    a.get("originNodeURI").get("title").asString(),
                    a.get("destinationNodeURI").get("identifier").asString());
        }
        assertThat(parentOf).hasSize(93);
        assertThat(parentOf.get("C1.1")).isEqualTo(itemId(CODE, 1, "C1").toString());
        assertThat(parentOf.get("C1")).isEqualTo(itemId(CODE, 1, "B1").toString());
        assertThat(parentOf.get("C9")).isEqualTo(itemId(CODE, 1, "B4").toString());
        assertThat(parentOf.get("B4")).isEqualTo(documentId(CODE, 1).toString());
        assertThat(list(pckg.get("CFDefinitions").get("CFItemTypes"))).hasSize(3);
    }

    @Test
    void identifiersAreTheNameBasedUuidsComputedIndependently() throws Exception {
        // This test's own UUID v5 gives Python's uuid5(NAMESPACE_DNS, "www.example.com"), and the namespace and
        // identifiers below were computed with Python's uuid5 too.
        assertThat(uuid5(UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "www.example.com"))
                .hasToString("2ed6657d-e927-568b-95e1-2665a8aea6a2");
        assertThat(namespace()).hasToString("edb5db0d-05c1-5609-b42f-e80fe6154983");
        assertThat(CaseIds.NAMESPACE).isEqualTo(namespace());
        assertThat(documentId(CODE, 1)).hasToString("09c6ce6b-5031-5866-8e11-363e60eea77a");
        assertThat(itemId(CODE, 1, "B4")).hasToString("925446ce-adc9-5ffc-b41b-cd90545eb9b4");

        JsonNode documents = getJson("/ims/case/v1p1/CFDocuments");
        assertThat(list(documents.get("CFDocuments")).stream()
                        .map(d -> d.get("identifier").asString()))
                .contains(documentId(CODE, 1).toString());
        JsonNode b4 = getJson("/ims/case/v1p1/CFItems/" + itemId(CODE, 1, "B4"));
        assertThat(b4.get("humanCodingScheme").asString()).isEqualTo("B4");
        assertThat(b4.get("CFDocumentURI").get("identifier").asString())
                .isEqualTo(documentId(CODE, 1).toString());
        // Nothing random nor per request: the same package twice, byte for byte.
        String path = "/ims/case/v1p1/CFPackages/" + documentId(CODE, 1);
        assertThat(get(path).body()).isEqualTo(get(path).body());
    }

    @Test
    void everyUriResolvesToWhatItNames() throws Exception {
        List<String> uris = new ArrayList<>();
        collectUris(getJson("/ims/case/v1p1/CFDocuments"), uris);
        collectUris(getJson("/ims/case/v1p1/CFPackages/" + documentId(CODE, 1)), uris);
        List<String> distinct = uris.stream().distinct().toList();
        // 1 document, its package, 93 items, 93 associations, 3 item types.
        assertThat(distinct).hasSizeGreaterThanOrEqualTo(191);
        for (String uri : distinct) {
            assertThat(uri).startsWith("http://localhost:" + port + "/ims/case/v1p1/");
            HttpResponse<String> response =
                    HTTP.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(uri).isEqualTo(200);
            JsonNode body = JSON.readTree(response.body());
            String id = uri.substring(uri.lastIndexOf('/') + 1);
            JsonNode named = body.has("CFDocument")
                    ? body.get("CFDocument")
                    : body.has("CFItemTypes") ? body.get("CFItemTypes").get(0) : body;
            assertThat(named.get("identifier").asString()).as(uri).isEqualTo(id);
        }
    }

    @Test
    void unknownIdentifiersAre404WithTheStatusPayloadMalformedOnes400() throws Exception {
        String unknown = UUID.randomUUID().toString();
        for (String kind : List.of("CFDocuments", "CFPackages", "CFItems", "CFAssociations", "CFItemTypes")) {
            HttpResponse<String> response = get("/ims/case/v1p1/" + kind + "/" + unknown);
            assertThat(response.statusCode()).as(kind).isEqualTo(404);
            JsonNode status = JSON.readTree(response.body());
            assertThat(status.get("imsx_codeMajor").asString()).isEqualTo("failure");
            assertThat(status.get("imsx_severity").asString()).isEqualTo("error");
            assertThat(status.at("/imsx_codeMinor/imsx_codeMinorField/0/imsx_codeMinorFieldValue")
                            .asString())
                    .isEqualTo("unknownobject");

            HttpResponse<String> malformed = get("/ims/case/v1p1/" + kind + "/B4");
            assertThat(malformed.statusCode()).as(kind).isEqualTo(400);
            assertThat(JSON.readTree(malformed.body())
                            .at("/imsx_codeMinor/imsx_codeMinorField/0/imsx_codeMinorFieldValue")
                            .asString())
                    .isEqualTo("invalid_uuid");
        }
        // An item's identifier is not a document's.
        assertThat(get("/ims/case/v1p1/CFPackages/" + itemId(CODE, 1, "B1")).statusCode())
                .isEqualTo(404);
    }

    @Test
    void publicReadOnlyAndSessionless() throws Exception {
        HttpResponse<String> read = get("/ims/case/v1p1/CFDocuments");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(read.headers().allValues("Set-Cookie")).isEmpty();

        String pckg = "/ims/case/v1p1/CFPackages/" + documentId(CODE, 1);
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            for (String path : List.of("/ims/case/v1p1/CFDocuments", pckg)) {
                HttpResponse<String> response = HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .method(method, HttpRequest.BodyPublishers.ofString("{}"))
                                .header("Content-Type", "application/json")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(method + " " + path).isEqualTo(405);
                assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
                assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
            }
        }
        HttpResponse<String> cors = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + pckg))
                        .header("Origin", "https://viewer.example")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(cors.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    }

    @Test
    void oneDocumentPerStoredVersionTheEarlierOneDeprecated() throws Exception {
        // Two versions of a second référentiel, stored as the loader would (a copy of the shipped one).
        String code = "case-test-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            for (int version = 1; version <= 2; version++) {
                jdbc.sql("""
                                insert into referentiel_version (code, version, checksum, source, title, rules, document, loaded_at)
                                select :code, :version, repeat(:version::text, 64), source, title || ' v' || :version, rules,
                                       jsonb_set(jsonb_set(document, '{code}', to_jsonb(:code::text)),
                                                 '{title}', to_jsonb(title || ' v' || :version)),
                                       timestamptz '2026-01-01T00:00:00Z' + (:version || ' days')::interval
                                from referentiel_version where code = 'cqpi-assistant' and version = 1""").param("code", code).param("version", version).update();
            }
            List<JsonNode> documents =
                    list(getJson("/ims/case/v1p1/CFDocuments").get("CFDocuments"));
            JsonNode v1 = byId(documents, documentId(code, 1));
            JsonNode v2 = byId(documents, documentId(code, 2));
            assertThat(v1.get("version").asString()).isEqualTo("1");
            assertThat(v1.get("adoptionStatus").asString()).isEqualTo("Deprecated");
            assertThat(v1.get("statusEndDate").asString()).isEqualTo("2026-01-03");
            assertThat(v1.get("lastChangeDateTime").asString()).isEqualTo("2026-01-03T00:00:00Z");
            assertThat(v2.get("adoptionStatus").asString()).isEqualTo("Adopted");
            assertThat(v2.get("title").asString()).endsWith(" v2");
            assertThat(v2.get("lastChangeDateTime").asString()).isEqualTo("2026-01-03T00:00:00Z");
            assertThat(v2.get("CFPackageURI").get("uri").asString())
                    .endsWith("/ims/case/v1p1/CFPackages/" + documentId(code, 2));
            // Each version its own items, each item in its own document.
            JsonNode b1v1 = getJson("/ims/case/v1p1/CFItems/" + itemId(code, 1, "B1"));
            JsonNode b1v2 = getJson("/ims/case/v1p1/CFItems/" + itemId(code, 2, "B1"));
            assertThat(b1v1.get("CFDocumentURI").get("identifier").asString())
                    .isEqualTo(documentId(code, 1).toString());
            assertThat(b1v2.get("CFDocumentURI").get("identifier").asString())
                    .isEqualTo(documentId(code, 2).toString());
            assertThat(list(getJson("/ims/case/v1p1/CFPackages/" + documentId(code, 1))
                            .get("CFItems")))
                    .hasSize(93);
        } finally {
            jdbc.sql("delete from referentiel_version where code = :code")
                    .param("code", code)
                    .update();
        }
    }

    // --- helpers ---

    /** Computed here from the names docs/features.md gives (« Le référentiel en CASE 1.1 »), not with the tool's code. */
    static UUID documentId(String code, int version) throws Exception {
        return uuid5(namespace(), code + "/" + version);
    }

    static UUID itemId(String code, int version, String item) throws Exception {
        return uuid5(namespace(), code + "/" + version + "/item/" + item);
    }

    static UUID namespace() throws Exception {
        // RFC 9562's URL namespace.
        return uuid5(UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8"), "urn:cqpi-lti:case");
    }

    static UUID uuid5(UUID namespace, String name) throws Exception {
        byte[] input = ByteBuffer.allocate(16 + name.getBytes(StandardCharsets.UTF_8).length)
                .putLong(namespace.getMostSignificantBits())
                .putLong(namespace.getLeastSignificantBits())
                .put(name.getBytes(StandardCharsets.UTF_8))
                .array();
        byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(input);
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (sha1[i] & 0xff);
            lsb = (lsb << 8) | (sha1[8 + i] & 0xff);
        }
        msb = (msb & ~0xf000L) | 0x5000L;
        lsb = (lsb & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    static JsonNode byId(List<JsonNode> nodes, UUID id) {
        return nodes.stream()
                .filter(n -> n.get("identifier").asString().equals(id.toString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + id));
    }

    static void collectUris(JsonNode node, List<String> uris) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("uri")) {
                    uris.add(e.getValue().asString());
                } else {
                    collectUris(e.getValue(), uris);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectUris(child, uris));
        }
    }
}
