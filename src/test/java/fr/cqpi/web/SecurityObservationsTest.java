package fr.cqpi.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.ToolIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Spring Security observes nothing (SecurityConfiguration): without this setting each of its filters, its
 * authorization and its authentication are wrapped in an observation on every request. The test context has no
 * observation registry (Spring Boot's tests turn observability off), so the setting itself is what is checked; the
 * benchmark's profile shows the wrappers gone.
 */
class SecurityObservationsTest extends ToolIntegrationTest {

    @Autowired
    SecurityObservationSettings observations;

    @Test
    void springSecurityObservesNothing() {
        assertThat(observations.shouldObserveRequests()).isFalse();
        assertThat(observations.shouldObserveAuthentications()).isFalse();
        assertThat(observations.shouldObserveAuthorizations()).isFalse();
    }
}
