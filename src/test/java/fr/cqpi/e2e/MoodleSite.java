package fr.cqpi.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A real Moodle 5.1 started by the kit's {@code moodle.sh} (../shared/moodle): PHP's built-in server on
 * 127.0.0.1, Moodle's database on the machine's PostgreSQL. Every command's output is kept in {@code logs}.
 */
final class MoodleSite {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger COMMANDS = new AtomicInteger();

    final Path kit;
    final Path dir;
    final int port;
    final Path logs;
    final String url;
    final String adminPassword;

    private MoodleSite(Path kit, Path dir, int port, Path logs, String url, String adminPassword) {
        this.kit = kit;
        this.dir = dir;
        this.port = port;
        this.logs = logs;
        this.url = url;
        this.adminPassword = adminPassword;
    }

    /** The kit named by {@code -Dmoodle.kit}: missing, the test fails (CI must never skip it silently). */
    static Path kit() {
        String property = System.getProperty("moodle.kit");
        if (property == null || property.isBlank()) {
            throw new IllegalStateException("-Dmoodle.kit=DIR is required (the Moodle kit, ../shared/moodle;"
                    + " mvn -Pmoodle-e2e sets it, scripts/test.sh passes it)");
        }
        Path kit = Path.of(property).toAbsolutePath().normalize();
        if (!Files.isRegularFile(kit.resolve("moodle.sh")) || !Files.isRegularFile(kit.resolve("site.php"))) {
            throw new IllegalStateException("No Moodle kit at " + kit + " (moodle.sh and site.php expected)");
        }
        return kit;
    }

    /** A free loopback port, or {@code -Dmoodle.port}. */
    static int port() {
        String fixed = System.getProperty("moodle.port");
        if (fixed != null && !fixed.isBlank()) {
            return Integer.parseInt(fixed);
        }
        return freePort();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code moodle.sh start DIR PORT}: installs Moodle the first time on that port (about 2 minutes). */
    static MoodleSite start(Path kit, Path dir, int port, Path logs) {
        Map<String, String> values = new HashMap<>();
        String out = run(kit, logs, Duration.ofMinutes(15), "start", dir.toString(), Integer.toString(port));
        for (String line : out.split("\n")) {
            int eq = line.indexOf('=');
            if (line.startsWith("MOODLE_") && eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1).trim());
            }
        }
        if (!values.containsKey("MOODLE_URL") || !values.containsKey("MOODLE_ADMIN_PASSWORD")) {
            throw new IllegalStateException("moodle.sh start printed no MOODLE_URL / MOODLE_ADMIN_PASSWORD:\n" + out);
        }
        return new MoodleSite(kit, dir, port, logs, values.get("MOODLE_URL"), values.get("MOODLE_ADMIN_PASSWORD"));
    }

    /** {@code moodle.sh php DIR site.php ARGS…}: one JSON document. */
    JsonNode site(String... args) {
        List<String> command = new ArrayList<>(
                List.of("php", dir.toString(), kit.resolve("site.php").toString()));
        command.addAll(List.of(args));
        String out = run(kit, logs, Duration.ofMinutes(2), command.toArray(String[]::new));
        try {
            return JSON.readTree(out);
        } catch (JacksonException e) {
            throw new IllegalStateException("site.php " + String.join(" ", args) + " printed no JSON:\n" + out, e);
        }
    }

    /** {@code moodle.sh php DIR SCRIPT ARGS…} for one of the project's scripts that prints one JSON document. */
    JsonNode php(Path script, String... args) {
        List<String> command = new ArrayList<>(
                List.of("php", dir.toString(), script.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        String out = run(kit, logs, Duration.ofMinutes(2), command.toArray(String[]::new));
        try {
            return JSON.readTree(out);
        } catch (JacksonException e) {
            throw new IllegalStateException(script + " printed no JSON:\n" + out, e);
        }
    }

    void stop() {
        run(kit, logs, Duration.ofMinutes(1), "stop", dir.toString());
    }

    Path webLog() {
        return dir.resolve("web-" + port + ".log");
    }

    /** Runs moodle.sh (through sudo when not root: it installs packages and runs psql as postgres). */
    private static String run(Path kit, Path logs, Duration timeout, String... args) {
        List<String> command = new ArrayList<>();
        if (!"root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("sudo", "-n"));
        }
        command.add("bash");
        command.add(kit.resolve("moodle.sh").toString());
        command.addAll(List.of(args));
        int n = COMMANDS.incrementAndGet();
        String name = String.format(
                "moodle-sh-%02d-%s",
                n, args[0].equals("php") ? Path.of(args[3]).getFileName().toString() : args[0]);
        Path stdout = logs.resolve(name + ".out");
        Path stderr = logs.resolve(name + ".err");
        try {
            Files.createDirectories(logs);
            Process process = new ProcessBuilder(command)
                    .redirectInput(
                            ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        String.join(" ", command) + " did not finish within " + timeout + "; see " + stderr);
            }
            String out = Files.readString(stdout, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue()
                        + ":\n" + out + "\n" + Files.readString(stderr, StandardCharsets.UTF_8));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
