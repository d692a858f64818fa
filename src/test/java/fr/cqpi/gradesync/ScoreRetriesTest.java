package fr.cqpi.gradesync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import fr.cqpi.support.Json;
import fr.cqpi.support.LtiClient;
import fr.cqpi.support.MoodleGradebook;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A gradebook that fails: expired tokens, throttling, outages, timeouts, refusals; retried with back-off, or by
 * hand from the sync page.
 */
class ScoreRetriesTest extends GradebookTest {

    @Test
    void anExpiredTokenIsRefreshedOnceOn401() {
        moodleCourse("chloe");
        LMS.stubFor(post(urlPathMatching(prefix + "/lineitems/\\d+/lineitem/scores"))
                .inScenario("401")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(401))
                .willSetStateTo("refreshed"));
        LMS.stubFor(post(urlPathMatching(prefix + "/lineitems/\\d+/lineitem/scores"))
                .inScenario("401")
                .whenScenarioStateIs("refreshed")
                .willReturn(aResponse().withStatus(200)));
        judge("chloe", "C1.1", "ACQUIS");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(status("chloe", "B1")).isEqualTo("SENT"));
        int tokens =
                LMS.findAll(postRequestedFor(urlPathEqualTo(prefix + "/token"))).size();
        assertThat(tokens).isEqualTo(2);
        judge("chloe", "C9.1", "ACQUIS");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(status("chloe", "B4")).isEqualTo("SENT"));
        assertThat(LMS.findAll(postRequestedFor(urlPathEqualTo(prefix + "/token"))))
                .as("cached")
                .hasSize(tokens);
    }

    @Test
    void throttlingAndOutagesAreRetriedUntilTheScoreArrives() {
        moodleCourse("hugo", "ines", "julien", "lea");
        Map<String, ResponseDefinitionBuilder> failures = Map.of(
                "hugo", aResponse().withStatus(429).withHeader("Retry-After", "1"),
                "ines", aResponse().withStatus(503).withHeader("Retry-After", "1"),
                "julien",
                        aResponse()
                                .withStatus(403)
                                .withBody(Json.object("errors", List.of(Map.of("message", "Rate Limit Exceeded")))),
                "lea", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        failures.forEach((learner, failure) -> {
            LMS.stubFor(post(urlPathMatching(prefix + "/lineitems/\\d+/lineitem/scores"))
                    .atPriority(1)
                    .withRequestBody(matchingJsonPath("$.userId", equalTo(learner)))
                    .inScenario(learner)
                    .whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(failure)
                    .willSetStateTo("ok"));
            LMS.stubFor(post(urlPathMatching(prefix + "/lineitems/\\d+/lineitem/scores"))
                    .atPriority(1)
                    .withRequestBody(matchingJsonPath("$.userId", equalTo(learner)))
                    .inScenario(learner)
                    .whenScenarioStateIs("ok")
                    .willReturn(aResponse().withStatus(200)));
            judge(learner, "C4.1", "ACQUIS");
        });
        await().atMost(WAIT)
                .untilAsserted(() -> failures.keySet()
                        .forEach(learner -> assertThat(status(learner, "B2")).isEqualTo("SENT")));
        for (String learner : failures.keySet()) {
            long attempts = scoresPosted().stream()
                    .filter(r -> body(r).get("userId").asText().equals(learner))
                    .count();
            assertThat(attempts).as(learner).isEqualTo(2);
        }
    }

    @Test
    void aSlowPlatformTimesOutAndIsRetried() {
        moodleCourse("mathis");
        LMS.stubFor(post(urlPathMatching(prefix + "/lineitems/\\d+/lineitem/scores"))
                .inScenario("slow")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(200).withFixedDelay(4000))
                .willSetStateTo("fast"));
        LMS.stubFor(post(urlPathMatching(prefix + "/lineitems/\\d+/lineitem/scores"))
                .inScenario("slow")
                .whenScenarioStateIs("fast")
                .willReturn(aResponse().withStatus(200)));
        judge("mathis", "C1.1", "ACQUIS");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(status("mathis", "B1")).isEqualTo("SENT"));
        assertThat(scoresPosted()).hasSize(2);
    }

    @Test
    void aRefusalThatRetryingCannotFixFailsAtOnceAndCanBeRetriedByHand() {
        moodleCourse("nora");
        LMS.stubFor(post(urlPathMatching(prefix + "/lineitems/\\d+/lineitem/scores"))
                .atPriority(1)
                .willReturn(
                        aResponse().withStatus(400).withBody(Json.object("error", "User not enrolled in the course"))));
        judge("nora", "C1.1", "ACQUIS");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(status("nora", "B1")).isEqualTo("FAILED"));
        assertThat(scoresPosted()).hasSize(1);
        String page = trainer.get("/app/sync").body();
        assertThat(page)
                .contains("En échec")
                .contains("User not enrolled in the course")
                .contains("Réessayer maintenant");

        stubMoodleScores();
        LMS.stubFor(post(urlPathMatching(prefix + "/lineitems/\\d+/lineitem/scores"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(200)));
        Map<String, String> form = LtiClient.formHeaders(page);
        assertThat(trainer.send("POST", "/app/sync/retry", "learner=nora&bloc=B1", form)
                        .statusCode())
                .isEqualTo(200);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(status("nora", "B1")).isEqualTo("SENT"));
    }

    @Test
    void reessayerSendsTheCurrentStateWithALaterTimestamp() {
        moodleCourse("adam");
        judge("adam", "C1.1", "ACQUIS");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(status("adam", "B1")).isEqualTo("SENT"));
        var refusing = LMS.stubFor(post(urlPathMatching(prefix + "/lineitems/\\d+/lineitem/scores"))
                .atPriority(1)
                .willReturn(
                        aResponse().withStatus(400).withBody(Json.object("error", "User not enrolled in the course"))));
        judge("adam", "C1.2", "ACQUIS");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(status("adam", "B1")).isEqualTo("FAILED"));
        LMS.removeStub(refusing);

        String page = trainer.get("/app/sync").body();
        Map<String, String> form = LtiClient.formHeaders(page);
        assertThat(trainer.send("POST", "/app/sync/retry", "learner=adam&bloc=B1", form)
                        .statusCode())
                .isEqualTo(200);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(status("adam", "B1")).isEqualTo("SENT"));
        assertThat(MoodleGradebook.INSTANCE.grade(prefix + B1_SCORES, "adam").feedback())
                .isEqualTo("Bloc en cours d'évaluation — 2 critères acquis sur 30");
        List<Long> sent = sentSeconds(scoresPosted().stream()
                .filter(r -> body(r).get("userId").asText().equals("adam"))
                .toList());
        assertThat(sent)
                .hasSizeGreaterThanOrEqualTo(3)
                .isSortedAccordingTo(Long::compare)
                .doesNotHaveDuplicates();
    }
}
