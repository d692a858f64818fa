package fr.cqpi.support;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.database.EmbeddedPostgresServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** {@code pg_dump} of the embedded database, as docs/operations.md runs it: the whole database, plain SQL. */
public final class PgDump {

    private PgDump() {}

    /** A PostgreSQL client program on PATH, or in Debian's /usr/lib/postgresql/N/bin (newest first). */
    public static Optional<Path> clientTool(String name) throws IOException {
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

    /** The plain-text dump of the whole database (bytea columns in hex, as pg_dump writes them). */
    public static String plain(Path pgDump, EmbeddedPostgresServer server, Path into) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        pgDump.toString(),
                        "-h",
                        "localhost",
                        "-p",
                        String.valueOf(server.port()),
                        "-U",
                        server.username(),
                        "-d",
                        "postgres",
                        "-f",
                        into.toString())
                .redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", server.password());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return Files.readString(into);
    }
}
