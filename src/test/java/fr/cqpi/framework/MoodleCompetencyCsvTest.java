package fr.cqpi.framework;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.ToolIntegrationTest;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

/**
 * The référentiel as the CSV Moodle's « Import competency framework » (tool_lpimportcsv) reads: its fourteen columns
 * in Moodle's order, the framework row with its scale, 93 competencies each under its parent; public, GET only.
 */
class MoodleCompetencyCsvTest extends ToolIntegrationTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theReferentielAsAMoodleCompetencyFramework() throws Exception {
        HttpResponse<String> response = get("/frameworks/cqpi-assistant/moodle-competencies.csv");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).contains("cqpi-assistant-v1-moodle-competencies.csv"));
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(response.body()).doesNotStartWith("\uFEFF");
        // Kept for importing into a real Moodle (docs/features.md, « Le référentiel dans Moodle »).
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/moodle-competencies.csv"), response.body());

        // Moodle reads the columns by position; the header is the one its own export writes.
        assertThat(response.body().lines().findFirst().orElseThrow())
                .isEqualTo("Parent id number,Id number,Shortname,Description,Description format,Scale values,"
                        + "Scale configuration,Rule type (optional),Rule outcome (optional),Rule config (optional),"
                        + "Cross referenced competency id numbers,Exported id (optional),Is framework,Taxonomy");
        List<CSVRecord> rows = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(response.body()))
                .getRecords();
        assertThat(rows).hasSize(1 + 93);
        assertThat(rows).allMatch(r -> r.size() == 14);

        CSVRecord framework = rows.get(0);
        assertThat(framework.get("Is framework")).isEqualTo("1");
        assertThat(framework.get("Parent id number")).isEmpty();
        assertThat(framework.get("Id number")).isEqualTo("cqpi-assistant-v1");
        assertThat(framework.get("Shortname")).isEqualTo("CQPI Assistant(e) (version 1)");
        assertThat(framework.get("Scale values")).isEqualTo("Non acquis,En cours,Acquis");
        var scale = new ObjectMapper().readTree(framework.get("Scale configuration"));
        assertThat(scale.get(1).get("id").asInt()).isEqualTo(3);
        assertThat(scale.get(1).get("proficient").asInt()).isEqualTo(1);
        assertThat(framework.get("Taxonomy").split(",")).containsExactly("domain", "competency", "indicator");

        Map<String, String> parentOf = new HashMap<>();
        for (CSVRecord row : rows.subList(1, rows.size())) {
            assertThat(row.get("Is framework")).isEmpty();
            assertThat(row.get("Shortname"))
                    .startsWith(row.get("Id number") + " ")
                    .hasSizeLessThanOrEqualTo(100);
            assertThat(row.get("Description")).startsWith("<p>").endsWith("</p>");
            assertThat(row.get("Description format")).isEqualTo("1");
            parentOf.put(row.get("Id number"), row.get("Parent id number"));
        }
        assertThat(parentOf).hasSize(93);
        assertThat(parentOf.entrySet().stream()
                        .filter(e -> e.getValue().isEmpty())
                        .map(Map.Entry::getKey))
                .containsExactly("B1", "B2", "B3", "B4");
        assertThat(parentOf.get("C1")).isEqualTo("B1");
        assertThat(parentOf.get("C1.1")).isEqualTo("C1");
        assertThat(parentOf.get("C9.11")).isEqualTo("C9");
        // Every parent comes before its children, as Moodle builds the tree from parent id numbers.
        assertThat(parentOf.values().stream().filter(p -> !p.isEmpty())).allMatch(parentOf::containsKey);
        CSVRecord c81 = rows.stream()
                .filter(r -> r.get("Id number").equals("C8.1"))
                .findFirst()
                .orElseThrow();
        assertThat(c81.get("Description")).isEqualTo("<p>Tout aléa, incident ou anomalie est identifié.</p>");
    }

    @Test
    void unknownReferentielOrVersionIs404AndWritesAreRefused() throws Exception {
        HttpResponse<String> unknown = get("/frameworks/no-such-referentiel/moodle-competencies.csv");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(get("/frameworks/cqpi-assistant/moodle-competencies.csv?version=99")
                        .statusCode())
                .isEqualTo(404);
        assertThat(get("/frameworks/cqpi-assistant/moodle-competencies.csv?version=1")
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> post = HTTP.send(
                HttpRequest.newBuilder(URI.create(
                                "http://localhost:" + port + "/frameworks/cqpi-assistant/moodle-competencies.csv"))
                        .POST(HttpRequest.BodyPublishers.ofString("x"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
