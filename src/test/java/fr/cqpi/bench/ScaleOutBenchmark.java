package fr.cqpi.bench;

import fr.cqpi.database.EmbeddedPostgresServer;
import fr.cqpi.lti.PlatformRegistry;
import fr.cqpi.support.LtiClient;
import fr.cqpi.support.RoundRobinProxy;
import fr.cqpi.support.SharedWireMock;
import fr.cqpi.support.TestApplications;
import fr.cqpi.support.TestPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Full launches through a round-robin proxy, first to one instance, then to two instances on the same PostgreSQL
 * (run with {@code mvn -Pbenchmark verify -Dbenchmark.main=fr.cqpi.bench.ScaleOutBenchmark}). Both phases go
 * through the same proxy so that only the number of instances differs. Writes target/benchmarks-scaleout.md.
 */
public final class ScaleOutBenchmark {

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("cqpi-bench-scaleout");
        RoundRobinProxy proxy = RoundRobinProxy.start();
        Map<String, String> settings = new HashMap<>(Map.of(
                "cqpi.base-url",
                proxy.baseUrl(),
                "spring.datasource.hikari.maximum-pool-size",
                "30",
                "server.tomcat.threads.max",
                "100",
                "logging.level.fr.cqpi",
                "WARN"));
        Map<String, String> first = new HashMap<>(settings);
        first.put("cqpi.embedded-db.dir", data.resolve("pg").toString());
        first.put("cqpi.embedded-db.delete-on-close", "true");
        List<ConfigurableApplicationContext> instances = new ArrayList<>();
        List<Bench.Result> results = new ArrayList<>();
        List<String> cpu = new ArrayList<>();
        Path postgresData = data.resolve("pg");
        try {
            instances.add(TestApplications.start(first));
            EmbeddedPostgresServer database = instances.get(0).getBean(EmbeddedPostgresServer.class);
            Map<String, String> second = new HashMap<>(settings);
            second.put("spring.datasource.url", database.jdbcUrl());
            second.put("spring.datasource.username", database.username());
            second.put("spring.datasource.password", database.password());
            instances.add(TestApplications.start(second));
            TestPlatform platform = new TestPlatform(
                            SharedWireMock.get(), "https://bench.lms.example", "bench-client", "d1")
                    .toolAt(proxy.baseUrl())
                    .register(instances.get(0).getBean(PlatformRegistry.class));
            LtiClient[] tabs = new LtiClient[64];
            for (int i = 0; i < tabs.length; i++) {
                tabs[i] = new LtiClient(proxy.port());
            }
            proxy.addBackend(port(instances.get(0)));
            phases("1 instance", proxy, tabs, platform, results, cpu, postgresData, true);
            // The second instance warms up alone, so that its JIT does not count against the two-instance figures.
            RoundRobinProxy direct = RoundRobinProxy.start().addBackend(port(instances.get(1)));
            LtiClient[] warmTabs = new LtiClient[4];
            for (int i = 0; i < warmTabs.length; i++) {
                warmTabs[i] = new LtiClient(direct.port());
            }
            Bench.run("warm-up", 4, 300, c -> ToolBenchmark.launch(warmTabs[c], platform, "warm-2-" + c));
            direct.close();
            proxy.addBackend(port(instances.get(1)));
            phases("2 instances", proxy, tabs, platform, results, cpu, postgresData, false);
            if (proxy.failures() > 0) {
                throw new IllegalStateException(proxy.failures() + " requests the proxy could not forward");
            }
        } finally {
            // The first instance holds the embedded PostgreSQL: it stops last.
            Collections.reverse(instances);
            instances.forEach(ConfigurableApplicationContext::close);
            proxy.close();
            ToolBenchmark.writeReport(results, cpu, Path.of("target/benchmarks-scaleout.md"));
        }
        System.exit(0);
    }

    private static void phases(
            String label,
            RoundRobinProxy proxy,
            LtiClient[] tabs,
            TestPlatform platform,
            List<Bench.Result> results,
            List<String> cpu,
            Path postgresData,
            boolean warmUp)
            throws Exception {
        if (warmUp) {
            Bench.run("warm-up", 4, 300, c -> ToolBenchmark.launch(tabs[c], platform, "warm-" + c));
        }
        for (int clients : new int[] {16, 64}) {
            CpuMeter meter = CpuMeter.start(postgresData);
            Bench.Result result = Bench.run(
                    "full launch through the proxy, " + label,
                    clients,
                    clients == 16 ? 120 : 40,
                    c -> ToolBenchmark.launch(tabs[c], platform, "teacher-" + c));
            cpu.add(ToolBenchmark.cpuRow(result, meter.stop()));
            results.add(result);
        }
    }

    private static int port(ConfigurableApplicationContext instance) {
        return Integer.parseInt(instance.getEnvironment().getProperty("local.server.port"));
    }
}
