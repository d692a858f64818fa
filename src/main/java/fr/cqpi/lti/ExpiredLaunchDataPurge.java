package fr.cqpi.lti;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes launch data past its expiry. Expired rows are already ignored when read, so this only keeps
 * the tables small; any instance may run it, the deletes are idempotent.
 */
@Component
class ExpiredLaunchDataPurge {

    private final JdbcClient jdbc;
    private final LaunchLog launchLog;

    ExpiredLaunchDataPurge(JdbcClient jdbc, LaunchLog launchLog) {
        this.jdbc = jdbc;
        this.launchLog = launchLog;
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void purge() {
        jdbc.sql("delete from used_nonce where expires_at < now()").update();
        jdbc.sql("delete from oidc_state where expires_at < now()").update();
        jdbc.sql("delete from session_handover where expires_at < now()").update();
        jdbc.sql("delete from pending_registration where expires_at < now()").update();
        launchLog.prune();
    }
}
