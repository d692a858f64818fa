package fr.cqpi.support;

import fr.cqpi.CqpiLtiApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An instance of the tool in its own JVM, started as an operator would ({@code java -cp … CqpiLtiApplication}, the
 * test profile), so that it can be killed with {@code SIGKILL} ({@link Process#destroyForcibly()} on Linux) while
 * it works.
 */
public final class ChildInstance implements AutoCloseable {

    private final Process process;
    private final Path log;

    public ChildInstance(Map<String, String> properties, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                CqpiLtiApplication.class.getName(),
                "--server.port=0",
                "--spring.profiles.active=test"));
        properties.forEach((k, v) -> command.add("--" + k + "=" + v));
        this.log = log;
        this.process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    /** Waits until the application has started (its startup line in the log). */
    public ChildInstance awaitStarted(Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the instance stopped: " + Files.readString(log));
            }
            if (Files.readString(log).contains("Started CqpiLtiApplication")) {
                return this;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the instance did not start within " + within + ": " + Files.readString(log));
    }

    /** {@code kill -9}: no shutdown hook, no flush, its connections cut by the kernel. */
    public void kill() throws Exception {
        process.destroyForcibly();
        process.onExit().get();
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            kill();
        }
    }
}
