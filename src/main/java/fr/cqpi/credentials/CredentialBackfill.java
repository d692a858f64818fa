package fr.cqpi.credentials;

import fr.cqpi.lti.ToolBaseUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start, the blocs validated before credentials existed get theirs (when the base URL is configured; otherwise
 * when the learner's credentials are next listed). Idempotent: a decision never gets two credentials, and instances
 * starting together lose quietly to the first insert.
 */
@Component
class CredentialBackfill {

    private static final Logger log = LoggerFactory.getLogger(CredentialBackfill.class);

    private final Credentials credentials;
    private final ToolBaseUrl baseUrl;

    CredentialBackfill(Credentials credentials, ToolBaseUrl baseUrl) {
        this.credentials = credentials;
        this.baseUrl = baseUrl;
    }

    @EventListener(ApplicationReadyEvent.class)
    void issueMissing() {
        if (!baseUrl.isConfigured()) {
            return;
        }
        try {
            int issued = credentials.issueMissing();
            if (issued > 0) {
                log.info("{} credentials issued for blocs validated before", issued);
            }
        } catch (RuntimeException e) {
            log.warn("Credentials of earlier decisions not issued at start: {}", e.toString());
        }
    }
}
