package fr.cqpi.lti;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.ToolIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The launch log keeps its newest rows only, whoever sends refused launches. */
class LaunchLogTest extends ToolIntegrationTest {

    @Autowired
    LaunchLog launchLog;

    @Test
    void onlyTheNewestRowsAreKept() {
        jdbc.sql("""
                        insert into launch_log (issuer, outcome, detail)
                        select 'https://flood-' || n || '.example', 'UNKNOWN_PLATFORM', 'no registration'
                        from generate_series(1, :rows) n""").param("rows", LaunchLog.KEPT + 150).update();
        long newest =
                jdbc.sql("select max(id) from launch_log").query(Long.class).single();

        launchLog.prune();

        assertThat(jdbc.sql("select count(*) from launch_log").query(Long.class).single())
                .isEqualTo(LaunchLog.KEPT);
        assertThat(jdbc.sql("select min(id) from launch_log").query(Long.class).single())
                .isEqualTo(newest - LaunchLog.KEPT + 1);
        assertThat(launchLog.recent(3))
                .hasSize(3)
                .allMatch(e -> !e.accepted() && e.refusal() == LaunchRefusal.UNKNOWN_PLATFORM);
    }
}
