package fr.cqpi.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.database.EmbeddedPostgresServer;
import fr.cqpi.support.TestApplications;
import fr.cqpi.support.ToolIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/** Two instances on one database, both asked to run the retention job at the same moment: it runs once. */
class RetentionAcrossInstancesTest extends ToolIntegrationTest {

    @Autowired
    EmbeddedPostgresServer database;

    @Autowired
    RetentionJob here;

    @Test
    void twoInstancesAskedAtOnceRunItOnce() throws Exception {
        try (ConfigurableApplicationContext second = TestApplications.start(Map.of(
                "spring.datasource.url", database.jdbcUrl(),
                "spring.datasource.username", database.username(),
                "spring.datasource.password", database.password()))) {
            RetentionJob there = second.getBean(RetentionJob.class);
            for (int round = 0; round < 3; round++) {
                jdbc.sql("delete from retention_run").update();
                CyclicBarrier together = new CyclicBarrier(2);
                List<CompletableFuture<Optional<RetentionJob.Result>>> runs = List.of(here, there).stream()
                        .map(job -> CompletableFuture.supplyAsync(() -> {
                            try {
                                together.await();
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                            return job.runIfDue();
                        }))
                        .toList();
                long ran = runs.stream()
                        .map(CompletableFuture::join)
                        .filter(Optional::isPresent)
                        .count();
                assertThat(ran).as("round %d", round).isEqualTo(1);
                assertThat(jdbc.sql("select count(*) from retention_run")
                                .query(Long.class)
                                .single())
                        .isEqualTo(1);
            }
            // Later, from either instance: not again within the minimum interval.
            assertThat(there.runIfDue()).isEmpty();
            assertThat(here.runIfDue()).isEmpty();
        }
    }
}
