package fr.cqpi.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The embedded PostgreSQL's postmaster as a process of the machine: killed with SIGKILL and started again with the
 * command line it ran with (Linux: read from {@code /proc}), as an operator's service manager would.
 */
final class PostgresProcess {

    private final long pid;
    private final List<String> command;

    PostgresProcess(EmbeddedPostgresServer server) throws IOException {
        Path data = server.dataDirectory();
        this.pid = Long.parseLong(
                Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
        List<String> cmdline = new ArrayList<>(List.of(
                new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline")), StandardCharsets.UTF_8)
                        .split("\0")));
        if ("root".equals(System.getProperty("user.name"))) {
            cmdline.addAll(0, List.of("unshare", "-U"));
        }
        this.command = cmdline;
    }

    /** {@code kill -9} of the postmaster; returns once it is gone. */
    void kill() throws Exception {
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        postmaster.destroyForcibly();
        postmaster.onExit().get(10, TimeUnit.SECONDS);
    }

    /** Starts it again on the same data directory (crash recovery from its WAL), its output in {@code log}. */
    Process restart(Path log) throws IOException {
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }
}
