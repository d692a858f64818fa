package fr.cqpi.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time spent over a benchmark phase, split between the tool's threads (Tomcat's request threads and the tool's
 * background executors), the load generator's threads (the rest of this JVM) and the embedded PostgreSQL's
 * processes: a count of work that does not depend on what else the machine runs.
 */
final class CpuMeter {

    record Split(double toolMs, double clientMs, double postgresMs) {}

    private final Map<Long, Long> threadStart = new HashMap<>();
    private final Map<Long, Boolean> toolThread = new HashMap<>();
    private final Path postgresData;
    private long postgresStart;
    private long processStart;

    private CpuMeter(Path postgresData) {
        this.postgresData = postgresData;
    }

    static CpuMeter start(Path postgresData) {
        CpuMeter meter = new CpuMeter(postgresData);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (long id : threads.getAllThreadIds()) {
            meter.threadStart.put(id, Math.max(0, threads.getThreadCpuTime(id)));
        }
        meter.postgresStart = meter.postgresNanos();
        meter.processStart = processNanos();
        return meter;
    }

    Split stop() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long tool = 0;
        long measured = 0;
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu < 0) {
                continue;
            }
            long spent = cpu - threadStart.getOrDefault(info.getThreadId(), 0L);
            measured += spent;
            if (isTool(info.getThreadName())) {
                tool += spent;
            }
        }
        long process = processNanos() - processStart;
        // Threads that ended during the phase (the HTTP client's, the JIT's …) are counted with the load generator.
        long client = Math.max(0, process - tool);
        return new Split(tool / 1e6, client / 1e6, (postgresNanos() - postgresStart) / 1e6);
    }

    private static boolean isTool(String name) {
        return name.startsWith("http-nio")
                || name.startsWith("course-services")
                || name.startsWith("scheduling")
                || name.startsWith("cqpi-")
                || name.startsWith("grade-sync")
                || name.startsWith("outbox");
    }

    private static long processNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** utime + stime of the embedded PostgreSQL's processes (its postmaster and backends), in nanoseconds. */
    private long postgresNanos() {
        long postmaster;
        try {
            postmaster = Long.parseLong(Files.readAllLines(postgresData.resolve("postmaster.pid"))
                    .get(0)
                    .strip());
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        long ticks = Stream.concat(
                        ProcessHandle.of(postmaster).stream(),
                        ProcessHandle.of(postmaster).stream().flatMap(ProcessHandle::descendants))
                .mapToLong(p -> {
                    try {
                        String stat = Files.readString(Path.of("/proc/" + p.pid() + "/stat"));
                        String[] fields =
                                stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    } catch (IOException | RuntimeException e) {
                        return 0;
                    }
                })
                .sum();
        return ticks * 10_000_000L; // USER_HZ = 100
    }
}
