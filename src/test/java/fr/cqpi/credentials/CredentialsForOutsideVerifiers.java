package fr.cqpi.credentials;

import static fr.cqpi.credentials.CredentialsTest.decide;
import static fr.cqpi.credentials.CredentialsTest.list;
import static fr.cqpi.credentials.CredentialsTest.overturnOnRecours;
import static fr.cqpi.credentials.CredentialsTest.session;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import fr.cqpi.support.AgsCourse;
import fr.cqpi.support.LtiClient;
import fr.cqpi.support.ToolIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not part of the test suite (no {@code Test} suffix): {@code scripts/verify-credentials-outside.sh} runs it with
 * {@code -Dtest=CredentialsForOutsideVerifiers} to get real credentials for verifiers that are not ours. A jury
 * validates the four blocs of one learner (four bloc credentials and the CLR), validates a bloc of another that a
 * recours then overturns (a revoked credential); every public answer a verifier asks the tool for (the credentials,
 * the status list, the VC-JWT key) is written to {@code target/outside-verifiers/} with
 * {@code manifest.json}, which lists them by path and content type so that the script can serve them again on the
 * same origin once the tool has stopped.
 */
class CredentialsForOutsideVerifiers extends ToolIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Path OUT = Path.of(System.getProperty("outside.verifiers.dir", "target/outside-verifiers"));

    final List<Map<String, String>> served = new ArrayList<>();

    @Test
    void writeTheCredentialsAndWhatTheToolServesForThem() throws Exception {
        Files.createDirectories(OUT.resolve("served"));
        AgsCourse course = new AgsCourse(this, LMS, registry, "ines", "omar");
        long session = session(course, "2026-12-01", "ines", "omar");
        for (String bloc : List.of("B1", "B2", "B3", "B4")) {
            decide(course, session, "ines", bloc, "VALIDE", null);
        }
        decide(course, session, "omar", "B3", "VALIDE", null);
        overturnOnRecours(course, "omar", "B3");

        LtiClient anyone = browser();
        Map<String, Object> files = new LinkedHashMap<>();
        JsonNode ines = list(course.trainer, "ines");
        files.put("bloc", export(anyone, entry(ines, "B4"), "bloc-B4"));
        files.put("clr", export(anyone, entry(ines, "CERTIFICATE"), "clr"));
        JsonNode omar = entry(list(course.trainer, "omar"), "B3");
        assertThat(omar.get("status").asString()).isEqualTo("REVOKED");
        files.put("revoked", export(anyone, omar, "revoked-B3"));

        JsonNode bloc = JSON.readTree(entry(ines, "B4").get("json").asString());
        String statusList =
                path(bloc.at("/credentialStatus/statusListCredential").asString());
        files.put(
                "statusList",
                Map.of(
                        "json", serve(anyone, statusList, "application/ld+json", "status-list.json"),
                        "jwt", serve(anyone, statusList, "application/vc+jwt", "status-list.jwt")));
        String kid = path(JWSObject.parse(entry(ines, "B4").get("jwt").asString())
                .getHeader()
                .getKeyID());
        files.put("jwk", serve(anyone, kid, "application/jwk+json", "vc-jwt-key.json"));
        serve(anyone, "/credentials/keys/jwks.json", "application/jwk-set+json", "jwks.json");

        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("origin", origin());
        manifest.put("files", files);
        manifest.put("served", served);
        Files.writeString(
                OUT.resolve("manifest.json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest));
        assertThat(served).hasSizeGreaterThanOrEqualTo(10);
    }

    /** The credential's JSON and JWT as its id URL serves them, which must be what the API listed. */
    Map<String, String> export(LtiClient client, JsonNode entry, String name) throws Exception {
        String id = "/credentials/" + entry.get("id").asString();
        String json = serve(client, id, "application/ld+json", name + ".json");
        String jwt = serve(client, id, "application/vc+jwt", name + ".jwt");
        assertThat(Files.readString(OUT.resolve(json)))
                .isEqualTo(entry.get("json").asString());
        assertThat(Files.readString(OUT.resolve(jwt)))
                .isEqualTo(entry.get("jwt").asString());
        return Map.of("json", json, "jwt", jwt);
    }

    /** GETs the path as a verifier would, writes the body under {@code served/}, notes it in the manifest. */
    String serve(LtiClient client, String path, String accept, String file) throws Exception {
        var response = client.get(path, Map.of("Accept", accept));
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        String contentType = response.headers().firstValue("Content-Type").orElseThrow();
        assertThat(contentType).startsWith(accept);
        String relative = "served/" + file;
        Files.writeString(OUT.resolve(relative), response.body(), StandardCharsets.UTF_8);
        served.add(Map.of("path", path, "accept", accept, "contentType", contentType, "file", relative));
        return relative;
    }

    static JsonNode entry(JsonNode listed, String blocCode) {
        JsonNode found = null;
        for (JsonNode e : listed) {
            if (e.get("blocCode").asString().equals(blocCode)
                    && (found == null || e.get("status").asString().equals("VALID"))) {
                found = e;
            }
        }
        assertThat(found).as(blocCode).isNotNull();
        return found;
    }

    String origin() {
        return "http://localhost:" + port;
    }

    String path(String url) {
        assertThat(url).startsWith(origin());
        return url.substring(origin().length());
    }
}
