package fr.cqpi.database;

import static fr.cqpi.support.TestApplications.mostSpecificCause;
import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.TestApplications;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

class EmbeddedDatabaseTest {

    @TempDir
    Path dataRoot;

    @Test
    void aRestartOnTheSameDataDirectoryKeepsEveryRow() {
        Path dir = dataRoot.resolve("pg");
        try (var app = start(dir)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            jdbc.sql("create table kept (note text)").update();
            jdbc.sql("insert into kept values ('still here')").update();
        }
        try (var app = start(dir)) {
            assertThat(app.getBean(JdbcClient.class)
                            .sql("select note from kept")
                            .query(String.class)
                            .single())
                    .isEqualTo("still here");
            assertThat(app.getBean(JdbcClient.class)
                            .sql("select count(*) from referentiel_version")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        }
    }

    @Test
    void aSecondInstanceOnADirectoryInUseIsRefused() {
        Path dir = dataRoot.resolve("pg");
        try (var first = start(dir)) {
            assertThat(mostSpecificCause(() -> start(dir)))
                    .isInstanceOf(DataDirectoryInUseException.class)
                    .hasMessageContaining(dir.toString())
                    .hasMessageContaining("already in use");
            // The first instance is untouched.
            assertThat(first.getBean(JdbcClient.class)
                            .sql("select 1")
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
        }
        try (var again = start(dir)) {
            assertThat(again.isRunning()).isTrue();
        }
    }

    @Test
    void healthIsUpWhenTheDatabaseAnswersAndDownWhenItDoesNot() {
        try (var app = start(dataRoot.resolve("pg"))) {
            RestClient http =
                    RestClient.create("http://localhost:" + app.getEnvironment().getProperty("local.server.port"));
            assertThat(http.get().uri("/actuator/health").retrieve().body(String.class))
                    .contains("\"status\":\"UP\"");

            app.getBean(EmbeddedPostgresServer.class).close();
            Integer status = http.get()
                    .uri("/actuator/health")
                    .exchange((req, res) -> res.getStatusCode().value());
            assertThat(status).isEqualTo(503);
        }
    }

    private static ConfigurableApplicationContext start(Path dir) {
        return TestApplications.start(
                Map.of("cqpi.embedded-db.dir", dir.toString(), "cqpi.embedded-db.delete-on-close", "false"));
    }
}
