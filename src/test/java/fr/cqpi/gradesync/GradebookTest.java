package fr.cqpi.gradesync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static fr.cqpi.support.TestPlatform.INSTRUCTOR;
import static fr.cqpi.support.TestPlatform.LEARNER;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fr.cqpi.lti.PlatformDefinition;
import fr.cqpi.support.Json;
import fr.cqpi.support.LtiClient;
import fr.cqpi.support.MoodleGradebook;
import fr.cqpi.support.TestPlatform;
import fr.cqpi.support.ToolIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What the grade sync tests share: a course of a fresh platform whose grade service (AGS) is a WireMock gradebook
 * shaped like Moodle's (or Canvas's), its learners and trainer launched with that service, and what the gradebook
 * and the outbox then hold. The subclasses share the one application context of {@link ToolIntegrationTest}.
 */
abstract class GradebookTest extends ToolIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(15);
    static final String B1_SCORES = "/lineitems/1/lineitem/scores";
    static final String B4_SCORES = "/lineitems/4/lineitem/scores";
    static final String COURSE = "course-ags";

    TestPlatform platform;
    /** Where this test's platform lives on the shared WireMock: nothing of another test's platform is seen. */
    String prefix;

    LtiClient trainer;
    Map<String, String> trainerApi;

    /** A fresh platform, its gradebook under its own prefix of the shared WireMock, nothing stubbed yet. */
    void newGradebook(String name) {
        platform = newPlatform(name);
        prefix = "/" + platform.clientId();
    }

    /** A Moodle-shaped gradebook with its four bloc columns to create and scores accepted; the course launched. */
    void moodleCourse(String... learners) {
        newGradebook("moodle");
        stubMoodleLineItems();
        stubMoodleScores();
        launchAll(moodleLineItems(), learners);
    }

    String moodleLineItems() {
        return LMS.baseUrl() + prefix + "/lineitems?type_id=1";
    }

    void stubMoodleLineItems() {
        stubMoodleLineItems(0);
    }

    void stubMoodleLineItems(int creationDelayMillis) {
        LMS.stubFor(get(urlPathEqualTo(prefix + "/lineitems"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withFixedDelay(creationDelayMillis)
                        .withHeader("Content-Type", LineItem.CONTAINER)
                        .withBody("[]")));
        for (int b = 1; b <= 4; b++) {
            LMS.stubFor(post(urlPathEqualTo(prefix + "/lineitems"))
                    .withQueryParam("type_id", equalTo("1"))
                    .withRequestBody(matchingJsonPath("$.resourceId", equalTo("B" + b)))
                    .willReturn(aResponse()
                            .withStatus(201)
                            .withFixedDelay(creationDelayMillis)
                            .withHeader("Content-Type", LineItem.MEDIA_TYPE)
                            .withBody(Json.object(
                                    "id", LMS.baseUrl() + prefix + "/lineitems/" + b + "/lineitem?type_id=1",
                                    "scoreMaximum", 100,
                                    "label", "B" + b,
                                    "resourceId", "B" + b))));
        }
    }

    /** Scores answered as Moodle 5.1 does, refusing a timestamp that is not after the grade it holds. */
    void stubMoodleScores() {
        LMS.stubFor(post(urlPathMatching(prefix + "/lineitems/\\d+/lineitem/scores"))
                .willReturn(aResponse().withStatus(200).withTransformers(MoodleGradebook.NAME)));
    }

    void launchAll(String container, String... learners) {
        launchAllWithActivity(container, null, learners);
    }

    /** Launches with the grade service; {@code activityLineItem}: the link's own column (the {@code lineitem} claim). */
    void launchAllWithActivity(String container, String activityLineItem, String... learners) {
        LMS.stubFor(post(urlPathEqualTo(prefix + "/token"))
                .willReturn(okJson(Json.object(
                        "access_token", "tok-" + platform.clientId(), "token_type", "Bearer", "expires_in", 3600))));
        registerTokenEndpoint(null);
        Map<String, Object> ags = new HashMap<>(gradeService(container));
        ags.put("scope", List.of(ServiceTokens.LINEITEM, ServiceTokens.SCORE, ServiceTokens.RESULT));
        if (activityLineItem != null) {
            ags.put("lineitem", activityLineItem);
        }
        for (String learner : learners) {
            launched(platform, learner, LEARNER, COURSE, claims -> withAgs(claims, ags));
        }
        trainer = launched(platform, "teacher", INSTRUCTOR, COURSE, claims -> withAgs(claims, ags));
        trainerApi = trainer.apiHeaders();
    }

    /** The platform's token endpoint on its gradebook; {@code serviceOrigins}: those the administrator added (null: as they are). */
    void registerTokenEndpoint(List<String> serviceOrigins) {
        registry.upsert(new PlatformDefinition(
                "AGS",
                platform.issuer(),
                platform.clientId(),
                List.of(platform.deploymentId()),
                platform.platform().authorizationEndpoint(),
                LMS.baseUrl() + prefix + "/token",
                platform.platform().jwksUri(),
                serviceOrigins));
    }

    /** The trainer launches again, with the grade service at {@code container}. */
    void relaunchTrainer(String container) {
        trainer.launch(
                platform,
                "teacher",
                n -> withAgs(platform.moodleLaunch("teacher", INSTRUCTOR, n, COURSE), gradeService(container)));
    }

    static Map<String, Object> gradeService(String container) {
        return Map.of("lineitems", container, "scope", List.of(ServiceTokens.LINEITEM, ServiceTokens.SCORE));
    }

    static Map<String, Object> withAgs(Map<String, Object> claims, Map<String, Object> ags) {
        claims.put(TestPlatform.LTI + "resource_link", Map.of("id", "grid-link", "title", "Grille"));
        claims.put("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint", ags);
        claims.remove("https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice");
        return claims;
    }

    /** The trainer's judgment through the API, asserted accepted. */
    void judge(String learner, String criterion, String status) {
        var response =
                trainer.judge(trainerApi, learner, criterion, Json.object("status", status, "modality", "ENTRETIEN"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** The outbox row's status for the learner's bloc (or {@code ALL}), {@code NONE} when there is none. */
    String status(String learner, String bloc) {
        return jdbc.sql("""
                        select o.status from grade_outbox o join lti_user u on u.id = o.learner_id
                        where u.platform_id = :p and u.sub = :sub and o.bloc_code = :bloc""")
                .param("p", platform.platform().id())
                .param("sub", learner)
                .param("bloc", bloc)
                .query(String.class)
                .optional()
                .orElse("NONE");
    }

    List<LoggedRequest> scoresPosted() {
        return LMS.findAll(postRequestedFor(urlPathMatching(prefix + "/.*/scores")));
    }

    List<LoggedRequest> columnsCreated() {
        return LMS.findAll(postRequestedFor(urlPathEqualTo(prefix + "/lineitems")));
    }

    static JsonNode body(LoggedRequest request) {
        return Json.read(request.getBodyAsString());
    }

    /** Whole seconds of the timestamps of the scores sent, in order. */
    static List<Long> sentSeconds(List<LoggedRequest> scores) {
        return scores.stream()
                .map(r -> Instant.parse(body(r).get("timestamp").asText()).getEpochSecond())
                .toList();
    }

    /** Whole seconds of the timestamps Moodle accepted for one learner in one line item, in order. */
    List<Long> acceptedSeconds(String scoresPath, String learner) {
        return MoodleGradebook.INSTANCE.answers(prefix + scoresPath).stream()
                .filter(a -> a.userId().equals(learner) && a.status() == 200)
                .map(a -> Instant.parse(a.timestamp()).getEpochSecond())
                .toList();
    }

    /** A line item as Canvas lists it. */
    static String item(String container, int n, String bloc) {
        return Json.object(
                "id",
                container + "/" + n,
                "scoreMaximum",
                100,
                "label",
                bloc,
                "resourceId",
                bloc,
                "tag",
                "cqpi-bloc",
                "resourceLinkId",
                "grid-link");
    }

    /** Another host and port, recording what reaches it. */
    static WireMockServer attacker() {
        var attacker =
                new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        attacker.start();
        attacker.stubFor(
                WireMock.any(urlPathMatching(".*")).willReturn(okJson(Json.object("members", List.of(), "id", "x"))));
        return attacker;
    }

    static String attackerUrl(WireMockServer attacker) {
        return "http://127.0.0.1:" + attacker.port();
    }
}
