package fr.cqpi.gradesync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import fr.cqpi.lti.PlatformDefinition;
import fr.cqpi.support.TestPlatform;
import fr.cqpi.support.ToolIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Each platform claims and sends on its own lane: one answering slowly never holds back another. */
class SlowPlatformTest extends ToolIntegrationTest {

    /** Below the tests' request timeout (2 s), so that the slow platform's scores do arrive, slowly. */
    private static final int SLOW_MILLIS = 1500;

    @Autowired
    OutboxWorker worker;

    @Autowired
    GradeSyncProperties properties;

    @Test
    void aSlowPlatformDoesNotHoldBackAnother() {
        WireMockServer slowLms = new WireMockServer(options()
                .dynamicPort()
                .asynchronousResponseEnabled(true)
                .asynchronousResponseThreads(50)
                .disableRequestJournal());
        slowLms.start();
        long slow = -1;
        try {
            // More of the slow platform's rows than one claim takes, and due first: with one queue shared by every
            // platform they filled it, and the fast platform waited for the slow one's answers.
            slow = seed(slowLms, SLOW_MILLIS, 60, "1 second");
            long fast = seed(LMS, 30, 20, "0 seconds");

            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> sent(fast) == 80);

            assertThat(sent(slow))
                    .as("the slow platform's scores sent meanwhile")
                    .isLessThan(240);
            int[] slowLane = worker.lanesState().get(slow);
            assertThat(slowLane[0]).as("the slow platform's requests in flight").isPositive();
            assertThat(slowLane[2])
                    .as("the slow platform's peak in flight")
                    .isLessThanOrEqualTo(properties.maxConcurrency());
        } finally {
            if (slow >= 0) {
                jdbc.sql("delete from grade_outbox where platform_id = :p")
                        .param("p", slow)
                        .update();
            }
            slowLms.stop();
        }
    }

    /** A platform on {@code lms} answering scores in {@code delayMillis}, with {@code learners} × 4 blocs due. */
    private long seed(WireMockServer lms, int delayMillis, int learners, String dueEarlierBy) {
        String client = "lanes-" + UUID.randomUUID().toString().substring(0, 8);
        String prefix = "/" + client;
        TestPlatform platform =
                new TestPlatform(lms, "https://" + client + ".example", client, "d1").register(registry);
        registry.upsert(new PlatformDefinition(
                "lanes",
                platform.issuer(),
                client,
                List.of("d1"),
                platform.platform().authorizationEndpoint(),
                lms.baseUrl() + prefix + "/token",
                platform.platform().jwksUri()));
        lms.stubFor(post(urlPathEqualTo(prefix + "/token"))
                .willReturn(okJson("{\"access_token\":\"t\",\"expires_in\":3600}")));
        lms.stubFor(post(urlPathMatching(prefix + "/items/.*/scores"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(delayMillis)));
        long platformId = platform.platform().id();
        long course = jdbc.sql("""
                        insert into course (platform_id, deployment_id, context_id, ags_lineitems)
                        values (:p, 'd1', 'c', :container) returning id""")
                .param("p", platformId)
                .param("container", lms.baseUrl() + prefix + "/items")
                .query(Long.class)
                .single();
        long link = jdbc.sql("insert into resource_link (course_id, link_id) values (:c, 'l') returning id")
                .param("c", course)
                .query(Long.class)
                .single();
        jdbc.sql("""
                        insert into line_item (course_id, resource_link_id, bloc_code, url)
                        select :c, :l, b, :base || b from unnest(array['B1','B2','B3','B4']) b""")
                .param("c", course)
                .param("l", link)
                .param("base", lms.baseUrl() + prefix + "/items/")
                .update();
        jdbc.sql("insert into lti_user (platform_id, sub) select :p, 'l' || g from generate_series(1, :n) g")
                .param("p", platformId)
                .param("n", learners)
                .update();
        jdbc.sql("""
                        insert into enrolment (course_id, user_id, tool_role)
                        select :c, id, 'LEARNER' from lti_user where platform_id = :p""").param("c", course).param("p", platformId).update();
        jdbc.sql("""
                        insert into grade_outbox (platform_id, course_id, learner_id, bloc_code, status, due_at)
                        select :p, :c, u.id, b, 'PENDING', now() - cast(:earlier as interval)
                        from lti_user u cross join unnest(array['B1','B2','B3','B4']) b where u.platform_id = :p""")
                .param("p", platformId)
                .param("c", course)
                .param("earlier", dueEarlierBy)
                .update();
        return platformId;
    }

    private long sent(long platformId) {
        return jdbc.sql("select count(*) from grade_outbox where platform_id = :p and status = 'SENT'")
                .param("p", platformId)
                .query(Long.class)
                .single();
    }
}
