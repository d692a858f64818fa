package fr.cqpi.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

/** The embedded PostgreSQL started on its own thread at the refresh's beginning, and always stopped by its owner. */
class EmbeddedPostgresEarlyStartTest {

    @TempDir
    Path dataRoot;

    EmbeddedPostgresEarlyStart startedOn(Path dir) {
        EmbeddedPostgresEarlyStart early = new EmbeddedPostgresEarlyStart();
        early.setEnvironment(new MockEnvironment().withProperty("cqpi.embedded-db.dir", dir.toString()));
        early.postProcessBeanFactory(new DefaultListableBeanFactory());
        return early;
    }

    @Test
    void theServerAskedForIsTheOneStartedAndStopsWithItsOwner() {
        Path dir = dataRoot.resolve("pg");
        EmbeddedPostgresEarlyStart early = startedOn(dir);
        EmbeddedPostgresServer server = early.server();
        assertThat(server.dataDirectory()).isEqualTo(dir.toAbsolutePath());
        assertThat(early.server()).isSameAs(server);
        assertThat(dir.resolve("postmaster.pid")).exists();
        early.destroy();
        assertThat(dir.resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void aServerNobodyAskedForIsStoppedToo() throws Exception {
        // A context that fails before its first use of the database still stops the PostgreSQL it started: no stray
        // postgres process, the data directory free for the next start.
        Path dir = dataRoot.resolve("pg");
        startedOn(dir).destroy();
        assertThat(dir.resolve("postmaster.pid")).doesNotExist();
        assertThat(Files.exists(dir.resolve("PG_VERSION"))).isTrue();
        EmbeddedPostgresEarlyStart again = startedOn(dir);
        assertThat(again.server().dataDirectory()).isEqualTo(dir.toAbsolutePath());
        again.destroy();
    }

    @Test
    void aStartThatFailedIsReportedAsItsOwnException() {
        Path dir = dataRoot.resolve("pg");
        EmbeddedPostgresEarlyStart first = startedOn(dir);
        first.server();
        EmbeddedPostgresEarlyStart second = startedOn(dir);
        assertThatThrownBy(second::server).isInstanceOf(DataDirectoryInUseException.class);
        second.destroy();
        first.destroy();
    }
}
