package fr.cqpi.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.ToolIntegrationTest;
import org.junit.jupiter.api.Test;

/** The demo LMS exists only under the demo profile (mvn spring-boot:run), never in a deployed tool. */
class DemoProfileTest extends ToolIntegrationTest {

    @Test
    void withoutTheDemoProfileThereIsNoDemoLms() {
        // Without the demo's own filter chain its paths are unknown to the tool: refused like any other.
        assertThat(browser().get("/demo").statusCode()).isIn(401, 404);
        assertThat(browser().get("/demo/jwks").statusCode()).isIn(401, 404);
        assertThat(browser().get("/demo/jwks").body()).doesNotContain("\"keys\"");
        assertThat(registry.all()).noneMatch(p -> p.clientId().equals("cqpi-demo-client"));
    }

    @Test
    void theFrontPageSaysWhatToRegister() {
        String page = browser().get("/").body();
        assertThat(page)
                .contains("/lti/login")
                .contains("/lti/launch")
                .contains("/.well-known/jwks.json")
                .doesNotContain("/demo");
    }
}
