package fr.cqpi.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs an operation from N concurrent clients for a while and reports throughput and latency percentiles. */
final class Bench {

    interface Operation {
        void run(int client) throws Exception;
    }

    record Result(
            String name,
            int clients,
            int operations,
            double seconds,
            double perSecond,
            double p50,
            double p95,
            double p99,
            int errors) {

        String row() {
            return String.format(
                    Locale.ROOT,
                    "| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %d |",
                    name,
                    clients,
                    operations,
                    seconds,
                    perSecond,
                    p50,
                    p95,
                    p99,
                    errors);
        }
    }

    static final String HEADER =
            "| Operation | Clients | Operations | Seconds | Ops/s | p50 ms | p95 ms | p99 ms | Errors |\n"
                    + "| --- | --- | --- | --- | --- | --- | --- | --- | --- |";

    private Bench() {}

    static Result run(String name, int clients, int operationsPerClient, Operation operation) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        int[] errors = new int[1];
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        // -Dbenchmark.maxSeconds: no new operation is started after that long (a short run on a busy machine).
        long deadline = start + (long) (Double.parseDouble(System.getProperty("benchmark.maxSeconds", "600")) * 1e9);
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < operationsPerClient && System.nanoTime() < deadline; i++) {
                    long t0 = System.nanoTime();
                    try {
                        operation.run(client);
                        latencies.add(System.nanoTime() - t0);
                    } catch (Exception | AssertionError e) {
                        synchronized (errors) {
                            errors[0]++;
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Result(
                name,
                clients,
                sorted.size(),
                seconds,
                sorted.size() / seconds,
                pct(sorted, 50),
                pct(sorted, 95),
                pct(sorted, 99),
                errors[0]);
    }

    private static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
    }

    static String machine() {
        return String.format(
                "%d cores, %d MiB max heap, Java %s, %s",
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }
}
