package fr.cqpi.lti;

import static fr.cqpi.support.TestApplications.mostSpecificCause;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.cqpi.support.TestApplications;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformsFileImporterTest {

    @TempDir
    Path dir;

    Path file(String json) throws Exception {
        Path file = dir.resolve("platforms.json");
        Files.writeString(file, json);
        return file;
    }

    static final String GOOD = """
            {"name": "Moodle", "issuer": "https://moodle.example", "client_id": "abc", "deployment_ids": ["1", "2"],
             "authorization_endpoint": "https://moodle.example/mod/lti/auth.php",
             "token_endpoint": "https://moodle.example/mod/lti/token.php",
             "jwks_uri": "https://moodle.example/mod/lti/certs.php"}""";

    @Test
    void theShippedFilesAreValid() {
        assertThat(PlatformsFileImporter.parse(Path.of("lti-config/platforms.json")))
                .hasSize(1);
        assertThat(PlatformsFileImporter.parse(Path.of("lti-config/platforms.example.json")))
                .hasSize(2);
    }

    @Test
    void aGoodEntryIsRead() throws Exception {
        var definitions = PlatformsFileImporter.parse(file("[" + GOOD + "]"));
        assertThat(definitions).singleElement().satisfies(d -> {
            assertThat(d.clientId()).isEqualTo("abc");
            assertThat(d.deploymentIds()).containsExactly("1", "2");
        });
    }

    @Test
    void faultsNameTheEntryAndTheField() throws Exception {
        assertThatThrownBy(() -> PlatformsFileImporter.parse(file("[" + GOOD + ", "
                        + GOOD.replace("\"https://moodle.example/mod/lti/certs.php\"", "\"certs\"") + "]")))
                .hasMessageContaining("entry 1")
                .hasMessageContaining("'jwks_uri'");
        assertThatThrownBy(() ->
                        PlatformsFileImporter.parse(file("[" + GOOD.replace("\"client_id\": \"abc\",", "") + "]")))
                .hasMessageContaining("entry 0")
                .hasMessageContaining("'client_id'");
        assertThatThrownBy(() -> PlatformsFileImporter.parse(file("[" + GOOD.replace("[\"1\", \"2\"]", "[]") + "]")))
                .hasMessageContaining("entry 0")
                .hasMessageContaining("'deployment_ids'");
        assertThatThrownBy(() -> PlatformsFileImporter.parse(file("[" + GOOD.replace("\"name\"", "\"nom\"") + "]")))
                .hasMessageContaining("'nom': unknown field");
        assertThatThrownBy(() -> PlatformsFileImporter.parse(file("{}"))).hasMessageContaining("JSON array");
        assertThatThrownBy(() -> PlatformsFileImporter.parse(file("[{"))).hasMessageContaining("not valid JSON");
    }

    @Test
    void aMalformedFileStopsTheStart() throws Exception {
        Path bad = file("[" + GOOD.replace("\"issuer\": \"https://moodle.example\"", "\"issuer\": \"moodle\"") + "]");
        assertThat(mostSpecificCause(() -> TestApplications.start(Map.of("cqpi.lti.platforms-file", bad.toString()))))
                .isInstanceOf(InvalidPlatformsFileException.class)
                .hasMessageContaining("entry 0")
                .hasMessageContaining("'issuer'");
    }
}
