package fr.cqpi.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import fr.cqpi.lti.PlatformRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole tool on a random port over a real (embedded) PostgreSQL; test classes that extend it share
 * one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ToolIntegrationTest {

    protected static final WireMockServer LMS = SharedWireMock.get();

    @LocalServerPort
    protected int port;

    @Autowired
    protected PlatformRegistry registry;

    @Autowired
    protected JdbcClient jdbc;

    protected LtiClient browser() {
        return new LtiClient(port);
    }

    /** A platform registered under a fresh issuer, so that tests never see each other's data. */
    protected TestPlatform newPlatform(String name) {
        String unique = name + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        return new TestPlatform(LMS, "https://" + unique + ".lms.example", unique, "deployment-1")
                .toolAt("http://localhost:" + port)
                .register(registry);
    }
}
