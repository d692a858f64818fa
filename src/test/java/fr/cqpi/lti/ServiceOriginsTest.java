package fr.cqpi.lti;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServiceOriginsTest {

    @Test
    void anOriginIsSchemeHostAndPortWithoutTheDefaultPort() {
        assertThat(ServiceOrigins.of("https://Moodle.Example.org/mod/lti/services.php/2/lineitems?type_id=1"))
                .contains("https://moodle.example.org");
        assertThat(ServiceOrigins.of("https://moodle.example.org:443/x")).contains("https://moodle.example.org");
        assertThat(ServiceOrigins.of("http://127.0.0.1:8080/x")).contains("http://127.0.0.1:8080");
        assertThat(ServiceOrigins.of("http://localhost:80")).contains("http://localhost");
    }

    @Test
    void urlsWithoutAnHttpOriginHaveNone() {
        assertThat(ServiceOrigins.of("/relative/path")).isEmpty();
        assertThat(ServiceOrigins.of("ftp://example.org/x")).isEmpty();
        assertThat(ServiceOrigins.of("https://user:pw@example.org/x")).isEmpty();
        assertThat(ServiceOrigins.of("not a url")).isEmpty();
        assertThat(ServiceOrigins.of(null)).isEmpty();
    }

    @Test
    void aPlatformsFileOriginMustHaveNoPath() {
        var base = new PlatformDefinition(
                "P",
                "https://lms.example",
                "c",
                java.util.List.of("d"),
                "https://lms.example/auth",
                "https://lms.example/token",
                "https://lms.example/jwks",
                java.util.List.of("https://school.instructure.com"));
        assertThat(base.firstProblem()).isNull();
        var withPath = new PlatformDefinition(
                "P",
                "https://lms.example",
                "c",
                java.util.List.of("d"),
                "https://lms.example/auth",
                "https://lms.example/token",
                "https://lms.example/jwks",
                java.util.List.of("https://school.instructure.com/api"));
        assertThat(withPath.firstProblem()).startsWith("service_origins:");
    }
}
