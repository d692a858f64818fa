package fr.cqpi.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import fr.cqpi.lti.PlatformDefinition;
import fr.cqpi.lti.PlatformRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

/**
 * One Moodle-shaped course with the grade service (AGS) on the shared WireMock: a trainer and learners launched,
 * line items created on demand, scores accepted and readable back per bloc column.
 */
public final class AgsCourse {

    public final TestPlatform platform;
    public final LtiClient trainer;
    public final Map<String, String> trainerHeaders;
    private final WireMockServer lms;
    private final ToolIntegrationTest test;
    private final String prefix;
    private final Map<String, LtiClient> learners = new HashMap<>();

    public AgsCourse(ToolIntegrationTest test, WireMockServer lms, PlatformRegistry registry, String... learnerSubs) {
        this.lms = lms;
        this.test = test;
        this.platform = test.newPlatform("moodle");
        this.prefix = "/" + platform.clientId();
        lms.stubFor(get(urlPathEqualTo(prefix + "/lineitems"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/vnd.ims.lis.v2.lineitemcontainer+json")
                        .withBody("[]")));
        for (int b = 1; b <= 4; b++) {
            lms.stubFor(post(urlPathEqualTo(prefix + "/lineitems"))
                    .withRequestBody(matchingJsonPath("$.resourceId", equalTo("B" + b)))
                    .willReturn(aResponse()
                            .withStatus(201)
                            .withHeader("Content-Type", "application/vnd.ims.lis.v2.lineitem+json")
                            .withBody("{\"id\":\"" + lms.baseUrl() + prefix + "/lineitems/" + b + "/lineitem\","
                                    + "\"scoreMaximum\":100,\"label\":\"B" + b + "\",\"resourceId\":\"B" + b + "\"}")));
        }
        lms.stubFor(post(urlPathMatching(prefix + "/lineitems/\\d+/lineitem/scores"))
                .willReturn(aResponse().withStatus(200)));
        lms.stubFor(post(urlPathEqualTo(prefix + "/token"))
                .willReturn(okJson("{\"access_token\":\"tok\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
        registry.upsert(new PlatformDefinition(
                "AGS",
                platform.issuer(),
                platform.clientId(),
                List.of(platform.deploymentId()),
                platform.platform().authorizationEndpoint(),
                lms.baseUrl() + prefix + "/token",
                platform.platform().jwksUri()));
        for (String sub : learnerSubs) {
            LtiClient learner = test.browser();
            learner.launch(platform, sub, n -> withAgs(platform.moodleLaunch(sub, TestPlatform.LEARNER, n, "course")));
            learners.put(sub, learner);
        }
        trainer = test.browser();
        trainer.launch(
                platform,
                "trainer",
                n -> withAgs(platform.moodleLaunch("trainer", TestPlatform.INSTRUCTOR, n, "course")));
        trainerHeaders = trainer.apiHeaders();
    }

    /** A full launch of the course's grid link (with its grade service) by {@code client} as {@code sub}. */
    public HttpResponse<String> launch(LtiClient client, String sub, String role) {
        return client.launch(platform, sub, n -> withAgs(platform.moodleLaunch(sub, role, n, "course")));
    }

    private Map<String, Object> withAgs(Map<String, Object> claims) {
        claims.put(TestPlatform.LTI + "resource_link", Map.of("id", "grid-link", "title", "Grille"));
        claims.put(
                "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint",
                Map.of(
                        "lineitems",
                        lms.baseUrl() + prefix + "/lineitems",
                        "scope",
                        List.of(
                                "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
                                "https://purl.imsglobal.org/spec/lti-ags/scope/score",
                                "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly")));
        claims.remove("https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice");
        return claims;
    }

    public LtiClient learner(String sub) {
        return learners.get(sub);
    }

    /** Another trainer of the course, whose launch asks for English (launch_presentation.locale en-GB). */
    public LtiClient englishTrainer() {
        LtiClient english = test.browser();
        english.launch(platform, "trainer-en", n -> {
            Map<String, Object> claims = platform.moodleLaunch("trainer-en", TestPlatform.INSTRUCTOR, n, "course");
            claims.put(
                    TestPlatform.LTI + "launch_presentation", Map.of("locale", "en-GB", "document_target", "iframe"));
            return claims;
        });
        return english;
    }

    /** The headers a page of the tool sends with a request of the client's session: CSRF, and {@code contentType}. */
    public static Map<String, String> headers(LtiClient client, String contentType) {
        Map<String, String> headers =
                new HashMap<>(client.csrfHeaders(client.get("/app").body()));
        headers.put("Content-Type", contentType);
        return headers;
    }

    /** The trainer's judgment, asserted accepted. */
    public void judge(String learner, String criterion, String status) {
        HttpResponse<String> response = trainer.judge(
                trainerHeaders, learner, criterion, Json.object("status", status, "modality", "ENTRETIEN"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** Every score body the gradebook received for the bloc, oldest first. */
    public List<JsonNode> scores(String learner, int bloc) {
        return lms
                .findAll(postRequestedFor(urlPathEqualTo(prefix + "/lineitems/" + bloc + "/lineitem/scores")))
                .stream()
                .map(r -> json(r.getBodyAsString()))
                .filter(s -> s.path("userId").asText().equals(learner))
                .toList();
    }

    /** Waits for the bloc's latest score to match, and returns that score. */
    public JsonNode lastScore(String learner, int bloc, Duration wait, Predicate<JsonNode> matches) {
        AtomicReference<JsonNode> matched = new AtomicReference<>();
        Awaitility.await().atMost(wait).untilAsserted(() -> {
            List<JsonNode> scores = scores(learner, bloc);
            assertThat(scores).isNotEmpty();
            JsonNode last = scores.get(scores.size() - 1);
            assertThat(matches.test(last)).as(last.toString()).isTrue();
            matched.set(last);
        });
        return matched.get();
    }

    /** {@link Json#read(String)}, still called by the tests of {@code fr.cqpi.web} while they move. */
    public static JsonNode json(String body) {
        return Json.read(body);
    }
}
