package fr.cqpi.gradesync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fr.cqpi.database.EmbeddedPostgresServer;
import fr.cqpi.lti.PlatformDefinition;
import fr.cqpi.lti.PlatformRegistry;
import fr.cqpi.support.SharedWireMock;
import fr.cqpi.support.TestApplications;
import fr.cqpi.support.TestPlatform;
import fr.cqpi.support.ToolIntegrationTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;

/** The outbox survives restarts, and several instances on one database share it without sending twice. */
class OutboxAcrossInstancesTest extends ToolIntegrationTest {

    @Autowired
    EmbeddedPostgresServer database;

    /** A course whose gradebook columns are known, with learners whose four blocs wait in the outbox. */
    static String seed(JdbcClient jdbc, PlatformRegistry registry, int learners) {
        return seed(jdbc, registry, learners, 30);
    }

    /** The same, with a gradebook that takes {@code scoreDelayMillis} to answer each score. */
    static String seed(JdbcClient jdbc, PlatformRegistry registry, int learners, int scoreDelayMillis) {
        String client = "outbox-" + UUID.randomUUID().toString().substring(0, 8);
        String prefix = "/" + client;
        var wireMock = SharedWireMock.get();
        TestPlatform platform =
                new TestPlatform(wireMock, "https://" + client + ".example", client, "d1").register(registry);
        registry.upsert(new PlatformDefinition(
                "outbox",
                platform.issuer(),
                client,
                List.of("d1"),
                platform.platform().authorizationEndpoint(),
                wireMock.baseUrl() + prefix + "/token",
                platform.platform().jwksUri()));
        wireMock.stubFor(post(urlPathEqualTo(prefix + "/token"))
                .willReturn(okJson("{\"access_token\":\"t\",\"expires_in\":3600}")));
        wireMock.stubFor(post(urlPathMatching(prefix + "/items/.*/scores"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(scoreDelayMillis)));
        long platformId = platform.platform().id();
        long course = jdbc.sql("""
                        insert into course (platform_id, deployment_id, context_id, ags_lineitems)
                        values (:p, 'd1', 'c', :container) returning id""")
                .param("p", platformId)
                .param("container", wireMock.baseUrl() + prefix + "/items")
                .query(Long.class)
                .single();
        long link = jdbc.sql("insert into resource_link (course_id, link_id) values (:c, 'l') returning id")
                .param("c", course)
                .query(Long.class)
                .single();
        for (String bloc : List.of("B1", "B2", "B3", "B4")) {
            jdbc.sql("insert into line_item (course_id, resource_link_id, bloc_code, url) values (:c, :l, :b, :u)")
                    .param("c", course)
                    .param("l", link)
                    .param("b", bloc)
                    .param("u", wireMock.baseUrl() + prefix + "/items/" + bloc)
                    .update();
        }
        for (int i = 0; i < learners; i++) {
            long user = jdbc.sql("insert into lti_user (platform_id, sub) values (:p, :sub) returning id")
                    .param("p", platformId)
                    .param("sub", "l" + i)
                    .query(Long.class)
                    .single();
            jdbc.sql("insert into enrolment (course_id, user_id, tool_role) values (:c, :u, 'LEARNER')")
                    .param("c", course)
                    .param("u", user)
                    .update();
            jdbc.sql("""
                            insert into grade_outbox (platform_id, course_id, learner_id, bloc_code, status)
                            select :p, :c, :u, b, 'PENDING' from unnest(array['B1','B2','B3','B4']) b""")
                    .param("p", platformId)
                    .param("c", course)
                    .param("u", user)
                    .update();
        }
        return prefix;
    }

    @Test
    void twoInstancesNeverSendTheSameStateTwice() {
        ConfigurableApplicationContext second = TestApplications.start(Map.of(
                "spring.datasource.url",
                database.jdbcUrl(),
                "spring.datasource.username",
                database.username(),
                "spring.datasource.password",
                database.password()));
        try {
            String prefix = seed(jdbc, registry, 60);
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(jdbc.sql(
                                            "select count(*) from grade_outbox o join platform p on p.id = o.platform_id where p.client_id = :c and o.status = 'SENT'")
                                    .param("c", prefix.substring(1))
                                    .query(Long.class)
                                    .single())
                            .isEqualTo(240));
            List<LoggedRequest> posted = LMS.findAll(postRequestedFor(urlPathMatching(prefix + "/items/.*/scores")));
            Map<String, Long> perLearnerAndBloc = posted.stream()
                    .collect(Collectors.groupingBy(r -> r.getUrl() + " " + userId(r), Collectors.counting()));
            assertThat(perLearnerAndBloc).hasSize(240);
            assertThat(perLearnerAndBloc.values()).allMatch(count -> count == 1);
        } finally {
            second.close();
        }
    }

    @Test
    void pendingRowsSurviveARestart(@TempDir Path data) {
        Map<String, String> noWorkers = Map.of(
                "cqpi.embedded-db.dir",
                data.resolve("pg").toString(),
                "cqpi.embedded-db.delete-on-close",
                "false",
                "cqpi.gradesync.enabled",
                "false");
        String prefix;
        try (ConfigurableApplicationContext before = TestApplications.start(noWorkers)) {
            prefix = seed(before.getBean(JdbcClient.class), before.getBean(PlatformRegistry.class), 5);
        }
        assertThat(LMS.findAll(postRequestedFor(urlPathMatching(prefix + "/items/.*/scores"))))
                .isEmpty();
        Map<String, String> withWorkers = Map.of(
                "cqpi.embedded-db.dir", data.resolve("pg").toString(), "cqpi.embedded-db.delete-on-close", "true");
        try (ConfigurableApplicationContext after = TestApplications.start(withWorkers)) {
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(
                                    LMS.findAll(postRequestedFor(urlPathMatching(prefix + "/items/.*/scores"))))
                            .hasSize(20));
        }
    }

    static String userId(LoggedRequest request) {
        try {
            return new ObjectMapper()
                    .readTree(request.getBodyAsString())
                    .get("userId")
                    .asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
