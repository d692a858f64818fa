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
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import fr.cqpi.lti.Platform;
import fr.cqpi.lti.ToolKeys;
import fr.cqpi.support.LtiClient;
import fr.cqpi.support.MoodleGradebook;
import fr.cqpi.support.TestPlatform;
import fr.cqpi.support.ToolIntegrationTest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Bloc results to a WireMock gradebook shaped like Moodle's (and Canvas's), through its failures. */
@ExtendWith(OutputCaptureExtension.class)
class GradeSyncTest extends ToolIntegrationTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired
    ToolKeys toolKeys;

    @Autowired
    LineItems lineItems;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry metrics;

    TestPlatform platform;
    String prefix;
    LtiClient trainer;
    Map<String, String> csrf;

    void judge(String learner, String criterion, String status) {
        var response = trainer.send(
                "PUT",
                "/api/v1/learners/" + learner + "/judgments/" + criterion,
                "{\"status\":\"" + status + "\",\"modality\":\"ENTRETIEN\"}",
                csrf);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    List<LoggedRequest> scoresPosted() {
        return LMS.findAll(postRequestedFor(urlPathMatching(prefix + "/.*/scores")));
    }

    static JsonNode body(LoggedRequest request) {
        try {
            return JSON.readTree(request.getBodyAsString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
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
                            .withBody("{\"id\":\"" + LMS.baseUrl() + prefix + "/lineitems/" + b
                                    + "/lineitem?type_id=1\"," + "\"scoreMaximum\":100,\"label\":\"B" + b
                                    + "\",\"resourceId\":\"B" + b + "\"}")));
        }
    }

    /** Scores answered as Moodle 5.1 does, refusing a timestamp that is not after the grade it holds. */
    void stubMoodleScores() {
        LMS.stubFor(post(urlPathMatching(prefix + "/lineitems/\\d+/lineitem/scores"))
                .willReturn(aResponse().withStatus(200).withTransformers(MoodleGradebook.NAME)));
    }

    /** Moodle-shaped LMS under a fresh prefix. */
    void lmsWithPrefix(String... learners) {
        TestPlatform p = newPlatform("moodle");
        platform = p;
        prefix = "/" + p.clientId();
        stubMoodleLineItems();
        stubMoodleScores();
        String container = LMS.baseUrl() + prefix + "/lineitems?type_id=1";
        launchAll(container, learners);
    }

    void launchAll(String container, String... learners) {
        launchAllWithActivity(container, null, learners);
    }

    /** Launches with the grade service; {@code activityLineItem}: the link's own column (the {@code lineitem} claim). */
    void launchAllWithActivity(String container, String activityLineItem, String... learners) {
        LMS.stubFor(post(urlPathEqualTo(prefix + "/token"))
                .willReturn(okJson("{\"access_token\":\"tok-" + platform.clientId()
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
        registry.upsert(new fr.cqpi.lti.PlatformDefinition(
                "AGS",
                platform.issuer(),
                platform.clientId(),
                List.of(platform.deploymentId()),
                platform.platform().authorizationEndpoint(),
                LMS.baseUrl() + prefix + "/token",
                platform.platform().jwksUri()));
        Map<String, Object> ags = new HashMap<>(Map.of(
                "lineitems",
                container,
                "scope",
                List.of(ServiceTokens.LINEITEM, ServiceTokens.SCORE, ServiceTokens.RESULT)));
        if (activityLineItem != null) {
            ags.put("lineitem", activityLineItem);
        }
        for (String learner : learners) {
            browser()
                    .launch(
                            platform,
                            learner,
                            n -> withAgs(platform.moodleLaunch(learner, LEARNER, n, "course-ags"), ags));
        }
        trainer = browser();
        trainer.launch(
                platform, "teacher", n -> withAgs(platform.moodleLaunch("teacher", INSTRUCTOR, n, "course-ags"), ags));
        csrf = new HashMap<>(trainer.csrfHeaders(trainer.get("/app").body()));
        csrf.put("Content-Type", "application/json");
    }

    static Map<String, Object> withAgs(Map<String, Object> claims, Map<String, Object> ags) {
        claims.put(fr.cqpi.support.TestPlatform.LTI + "resource_link", Map.of("id", "grid-link", "title", "Grille"));
        claims.put("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint", ags);
        claims.remove("https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice");
        return claims;
    }

    @Test
    void aJudgmentReachesTheMoodleGradebookWithItsScore() throws Exception {
        lmsWithPrefix("amina");
        judge("amina", "C1.1", "ACQUIS");
        await().atMost(WAIT).untilAsserted(() -> assertThat(scoresPosted()).hasSize(1));
        LoggedRequest score = scoresPosted().get(0);
        assertThat(score.getUrl()).isEqualTo(prefix + "/lineitems/1/lineitem/scores?type_id=1");
        assertThat(score.getHeader("Content-Type")).isEqualTo("application/vnd.ims.lis.v1.score+json");
        assertThat(score.getHeader("Authorization")).isEqualTo("Bearer tok-" + platform.clientId());
        JsonNode body = body(score);
        assertThat(body.get("userId").asText()).isEqualTo("amina");
        assertThat(body.get("scoreGiven").decimalValue()).isEqualByComparingTo("3.33");
        assertThat(body.get("scoreMaximum").asInt()).isEqualTo(100);
        assertThat(body.get("activityProgress").asText()).isEqualTo("InProgress");
        assertThat(body.get("gradingProgress").asText()).isEqualTo("Pending");
        assertThat(body.get("comment").asText()).startsWith("Bloc en cours d'évaluation");
        assertThat(body.get("timestamp").asText()).endsWith("Z");

        // Four line items, one per bloc, labelled and tagged, for the resource link.
        await().atMost(WAIT).untilAsserted(() -> assertThat(columnsCreated()).hasSize(4));
        List<LoggedRequest> created = columnsCreated();
        JsonNode b1 = created.stream()
                .map(GradeSyncTest::body)
                .filter(b -> b.get("resourceId").asText().equals("B1"))
                .findFirst()
                .orElseThrow();
        assertThat(b1.get("label").asText())
                .isEqualTo("B1 — Suivi, coordination des informations et production de documents professionnels");
        assertThat(b1.get("tag").asText()).isEqualTo("cqpi-bloc");
        assertThat(b1.get("scoreMaximum").asInt()).isEqualTo(100);
        assertThat(b1.get("resourceLinkId").asText()).isEqualTo("grid-link");

        // The client assertion: signed by the tool's key, iss = sub = client id, aud = token endpoint.
        LoggedRequest tokenRequest =
                LMS.findAll(postRequestedFor(urlPathEqualTo(prefix + "/token"))).get(0);
        Map<String, String> form = form(tokenRequest.getBodyAsString());
        assertThat(form)
                .containsEntry("grant_type", "client_credentials")
                .containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        assertThat(form.get("scope")).contains(ServiceTokens.SCORE).contains(ServiceTokens.LINEITEM);
        SignedJWT assertion = SignedJWT.parse(form.get("client_assertion"));
        RSAKey key = (RSAKey)
                toolKeys.publicKeys().getKeyByKeyId(assertion.getHeader().getKeyID());
        assertThat(assertion.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(assertion.getJWTClaimsSet().getIssuer()).isEqualTo(platform.clientId());
        assertThat(assertion.getJWTClaimsSet().getSubject()).isEqualTo(platform.clientId());
        assertThat(assertion.getJWTClaimsSet().getAudience()).containsExactly(LMS.baseUrl() + prefix + "/token");
        assertThat(assertion.getJWTClaimsSet().getJWTID()).isNotBlank();

        // Deciding the bloc makes the grade final.
        for (String c : List.of("C1.2", "C1.3", "C1.4")) {
            judge("amina", c, "ACQUIS");
        }
        assertThat(trainer.get("/api/v1/grade-sync").body()).contains("amina");
    }

    @Test
    void columnsAskedForAtOnceAreCreatedOnce() throws Exception {
        TestPlatform p = newPlatform("moodle");
        platform = p;
        prefix = "/" + p.clientId();
        // A slow gradebook, so that the trainer launch's background work and the two calls below overlap.
        stubMoodleLineItems(500);
        stubMoodleScores();
        launchAll(LMS.baseUrl() + prefix + "/lineitems?type_id=1", "amina");
        Platform registered = registry.findForLogin(p.issuer(), p.clientId()).orElseThrow();
        long courseId = jdbc.sql("select id from course where platform_id = :p")
                .param("p", registered.id())
                .query(Long.class)
                .single();
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            for (Future<?> call : two.invokeAll(List.of(
                    Executors.callable(() -> lineItems.ensure(registered, courseId)),
                    Executors.callable(() -> lineItems.ensure(registered, courseId))))) {
                call.get();
            }
        } finally {
            two.shutdown();
        }
        assertThat(columnsCreated()).hasSize(4);
        assertThat(jdbc.sql("select count(*) from line_item where course_id = :c")
                        .param("c", courseId)
                        .query(Long.class)
                        .single())
                .isEqualTo(4);
    }

    List<LoggedRequest> columnsCreated() {
        return LMS.findAll(postRequestedFor(urlPathEqualTo(prefix + "/lineitems")));
    }

    @Test
    void existingLineItemsAcrossPagesAreUsedAndNoColumnIsDuplicated() {
        TestPlatform p = newPlatform("canvas");
        platform = p;
        prefix = "/" + p.clientId();
        String container = LMS.baseUrl() + prefix + "/api/lti/courses/42/line_items";
        LMS.stubFor(get(urlPathEqualTo(prefix + "/api/lti/courses/42/line_items"))
                .withQueryParam("page", equalTo("2"))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", LineItem.CONTAINER)
                        .withBody("[" + item(container, 3, "B3") + "," + item(container, 4, "B4") + "]")));
        LMS.stubFor(get(urlPathEqualTo(prefix + "/api/lti/courses/42/line_items"))
                .atPriority(2)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", LineItem.CONTAINER)
                        .withHeader("Link", "<" + container + "?page=2>; rel=\"next\"")
                        .withBody("[" + item(container, 1, "B1") + "," + item(container, 2, "B2") + "]")));
        LMS.stubFor(post(urlPathMatching(prefix + "/api/lti/courses/42/line_items/\\d+/scores"))
                .willReturn(aResponse().withStatus(204)));
        launchAll(container, "lucas");
        judge("lucas", "C9.1", "ACQUIS");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(LMS.findAll(postRequestedFor(urlPathMatching(prefix + "/.*/scores"))))
                        .hasSize(1));
        assertThat(LMS.findAll(postRequestedFor(urlPathEqualTo(prefix + "/api/lti/courses/42/line_items"))))
                .isEmpty();
        assertThat(LMS.findAll(postRequestedFor(urlPathMatching(prefix + "/.*/scores")))
                        .get(0)
                        .getUrl())
                .isEqualTo(prefix + "/api/lti/courses/42/line_items/4/scores");
        // A new launch does not create columns either.
        trainer.launch(
                platform,
                "teacher",
                n -> withAgs(
                        platform.moodleLaunch("teacher", INSTRUCTOR, n, "course-ags"),
                        Map.of("lineitems", container, "scope", List.of(ServiceTokens.LINEITEM, ServiceTokens.SCORE))));
        assertThat(LMS.findAll(postRequestedFor(urlPathEqualTo(prefix + "/api/lti/courses/42/line_items"))))
                .isEmpty();
    }

    /**
     * Moodle 5.1 pages its line items with a Link header of typographic quotes and HTML-escaped ampersands
     * ({@code lineitems.php}: {@code rel=“next”}, {@code moodle_url::out()}), sent as UTF-8 bytes: the tool still
     * follows every page, finds the four bloc columns already there and creates none.
     */
    @Test
    void moodlesPagedLineItemsWithTypographicQuotesAreAllFound() {
        TestPlatform p = newPlatform("moodle");
        platform = p;
        prefix = "/" + p.clientId();
        String endpoint = LMS.baseUrl() + prefix + "/lineitems";
        // One line item a page, as Moodle answers with limit=1: B1 first, then B2, B3, B4.
        for (int from = 0; from < 4; from++) {
            var page = get(urlPathEqualTo(prefix + "/lineitems"));
            page = from == 0
                    ? page.atPriority(2)
                    : page.withQueryParam("from", equalTo(String.valueOf(from)))
                            .withQueryParam("limit", equalTo("1"))
                            .atPriority(1);
            LMS.stubFor(page.willReturn(aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", LineItem.CONTAINER)
                    .withHeader("Link", moodleLinks(endpoint + "?resource_link_id=grid-link&tag=cqpi-bloc", from, 1, 4))
                    .withBody("[" + moodleItem(endpoint, from + 1, "B" + (from + 1)) + "]")));
        }
        // A column created anyway would be a duplicate, numbered from 11.
        for (int b = 1; b <= 4; b++) {
            LMS.stubFor(post(urlPathEqualTo(prefix + "/lineitems"))
                    .withRequestBody(matchingJsonPath("$.resourceId", equalTo("B" + b)))
                    .willReturn(aResponse()
                            .withStatus(201)
                            .withHeader("Content-Type", LineItem.MEDIA_TYPE)
                            .withBody(moodleItem(endpoint, 10 + b, "B" + b))));
        }
        stubMoodleScores();
        launchAll(endpoint + "?type_id=1", "lucas");
        judge("lucas", "C9.1", "ACQUIS");
        await().atMost(WAIT).untilAsserted(() -> assertThat(scoresPosted()).hasSize(1));
        assertThat(scoresPosted().get(0).getUrl()).isEqualTo(prefix + "/lineitems/4/lineitem/scores?type_id=1");
        assertThat(columnsCreated()).isEmpty();
        // Every page asked for, with Moodle's parameters read back from the escaped link (limit, not amp;limit).
        List<String> pagesAsked = LMS
                .findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                        urlPathEqualTo(prefix + "/lineitems")))
                .stream()
                .map(r -> r.queryParameter("from").isPresent()
                        ? r.queryParameter("from").firstValue() + "/"
                                + r.queryParameter("limit").firstValue()
                        : "first")
                .distinct()
                .toList();
        assertThat(pagesAsked).containsExactly("first", "1/1", "2/1", "3/1");
        assertThat(jdbc.sql("select bloc_code || ' ' || url from line_item l join course c on c.id = l.course_id"
                                + " where c.platform_id = :p order by bloc_code")
                        .param("p", platform.platform().id())
                        .query(String.class)
                        .list())
                .containsExactly(
                        "B1 " + endpoint + "/1/lineitem?type_id=1",
                        "B2 " + endpoint + "/2/lineitem?type_id=1",
                        "B3 " + endpoint + "/3/lineitem?type_id=1",
                        "B4 " + endpoint + "/4/lineitem?type_id=1");
        // A new launch does not create columns either.
        trainer.launch(
                platform,
                "teacher",
                n -> withAgs(
                        platform.moodleLaunch("teacher", INSTRUCTOR, n, "course-ags"),
                        Map.of(
                                "lineitems",
                                endpoint + "?type_id=1",
                                "scope",
                                List.of(ServiceTokens.LINEITEM, ServiceTokens.SCORE))));
        assertThat(columnsCreated()).isEmpty();
    }

    /**
     * The Link header of Moodle 5.1's {@code lineitems.php} for the page starting at {@code from}: first, prev,
     * canonical, next, last, with typographic quotes and {@code &amp;}; as the UTF-8 bytes PHP sends (each byte one
     * ISO-8859-1 character, so that Jetty writes it unchanged).
     */
    static String moodleLinks(String base, int from, int limit, int total) {
        String page = base.replace("&", "&amp;") + "&amp;type_id=1&amp;limit=" + limit + "&amp;from=";
        String links = "<" + page + "0>; rel=“first”";
        if (from > 0) {
            links += ", <" + page + Math.max(0, from - limit) + ">; rel=“prev”";
        }
        links += ", <" + page + from + ">; rel=“canonical”";
        if (from + limit <= total - 1) {
            links += ", <" + page + (from + limit) + ">; rel=“next”";
        }
        links += ", <" + page + Math.max(0, total - limit + 1) + ">; rel=“last”";
        return new String(links.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** A line item as Moodle's {@code gradebookservices::item_for_json} writes it. */
    static String moodleItem(String endpoint, int n, String bloc) {
        return "{\"id\":\"" + endpoint + "/" + n + "/lineitem?type_id=1\",\"label\":\"" + bloc
                + "\",\"scoreMaximum\":100,\"resourceId\":\"" + bloc + "\",\"tag\":\"cqpi-bloc\","
                + "\"resourceLinkId\":\"grid-link\",\"ltiLinkId\":\"grid-link\"}";
    }

    static String item(String container, int n, String bloc) {
        return "{\"id\":\"" + container + "/" + n + "\",\"scoreMaximum\":100,\"label\":\"" + bloc
                + "\",\"resourceId\":\"" + bloc + "\",\"tag\":\"cqpi-bloc\",\"resourceLinkId\":\"grid-link\"}";
    }

    @Test
    void anExpiredTokenIsRefreshedOnceOn401() {
        lmsWithPrefix("chloe");
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
        lmsWithPrefix("hugo", "ines", "julien", "lea");
        Map<String, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder> failures = Map.of(
                "hugo", aResponse().withStatus(429).withHeader("Retry-After", "1"),
                "ines", aResponse().withStatus(503).withHeader("Retry-After", "1"),
                "julien", aResponse().withStatus(403).withBody("{\"errors\":[{\"message\":\"Rate Limit Exceeded\"}]}"),
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
        lmsWithPrefix("mathis");
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
        lmsWithPrefix("nora");
        LMS.stubFor(post(urlPathMatching(prefix + "/lineitems/\\d+/lineitem/scores"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"User not enrolled in the course\"}")));
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
        Map<String, String> form = new HashMap<>(trainer.csrfHeaders(page));
        form.put("Content-Type", "application/x-www-form-urlencoded");
        assertThat(trainer.send("POST", "/app/sync/retry", "learner=nora&bloc=B1", form)
                        .statusCode())
                .isEqualTo(200);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(status("nora", "B1")).isEqualTo("SENT"));
    }

    @Test
    void aDeletedLineItemIsRecreatedOnTheNextTrainerLaunch() {
        lmsWithPrefix("paul");
        judge("paul", "C1.1", "ACQUIS");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(status("paul", "B1")).isEqualTo("SENT"));
        LMS.stubFor(post(urlPathEqualTo(prefix + "/lineitems/1/lineitem/scores"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(404).withBody("line item not found")));
        judge("paul", "C1.2", "ACQUIS");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(status("paul", "B1")).isEqualTo("FAILED"));
        assertThat(jdbc.sql("select count(*) from line_item where url like :u")
                        .param("u", "%" + prefix + "/lineitems/1/lineitem%")
                        .query(Long.class)
                        .single())
                .isZero();

        // The next trainer launch creates the column again and the refused score goes to it.
        LMS.stubFor(post(urlPathEqualTo(prefix + "/lineitems"))
                .withQueryParam("type_id", equalTo("1"))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.resourceId", equalTo("B1")))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", LineItem.MEDIA_TYPE)
                        .withBody("{\"id\":\"" + LMS.baseUrl() + prefix
                                + "/lineitems/11/lineitem?type_id=1\",\"resourceId\":\"B1\"}")));
        String container = LMS.baseUrl() + prefix + "/lineitems?type_id=1";
        trainer.launch(
                platform,
                "teacher",
                n -> withAgs(
                        platform.moodleLaunch("teacher", INSTRUCTOR, n, "course-ags"),
                        Map.of("lineitems", container, "scope", List.of(ServiceTokens.LINEITEM, ServiceTokens.SCORE))));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(status("paul", "B1")).isEqualTo("SENT"));
        assertThat(LMS.findAll(postRequestedFor(urlPathEqualTo(prefix + "/lineitems/11/lineitem/scores"))))
                .hasSize(1);
    }

    @Test
    void theNewestStateAlwaysWins() {
        lmsWithPrefix("sarah");
        String[] statuses = {"ACQUIS", "NON_ACQUIS", "EN_COURS", "ACQUIS", "NON_ACQUIS", "ACQUIS"};
        for (String s : statuses) {
            judge("sarah", "C1.1", s);
        }
        judge("sarah", "C1.2", "ACQUIS");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(status("sarah", "B1")).isEqualTo("SENT"));
        List<LoggedRequest> posted = scoresPosted();
        JsonNode last = body(posted.get(posted.size() - 1));
        assertThat(last.get("scoreGiven").decimalValue()).isEqualByComparingTo("6.67");
        // Each score later than the one before, in whole seconds (Moodle refuses any other).
        assertThat(posted.stream()
                        .map(r -> java.time.Instant.parse(
                                        body(r).get("timestamp").asText())
                                .getEpochSecond())
                        .toList())
                .isSortedAccordingTo(Long::compare)
                .doesNotHaveDuplicates();
    }

    static final String B4_SCORES = "/lineitems/4/lineitem/scores";
    static final String B1_SCORES = "/lineitems/1/lineitem/scores";

    /** Whole seconds of the timestamps Moodle accepted for one learner in one line item, in order. */
    List<Long> acceptedSeconds(String scoresPath, String learner) {
        return MoodleGradebook.INSTANCE.answers(prefix + scoresPath).stream()
                .filter(a -> a.userId().equals(learner) && a.status() == 200)
                .map(a -> java.time.Instant.parse(a.timestamp()).getEpochSecond())
                .toList();
    }

    @Test
    void aWholeBlocSavedWithinASecondEndsInMoodleWithItsFinalGrade() {
        lmsWithPrefix("yasmine");
        long start = System.nanoTime();
        for (int c = 1; c <= 11; c++) {
            judge("yasmine", "C9." + c, "ACQUIS");
        }
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        await().atMost(WAIT).untilAsserted(() -> {
            MoodleGradebook.Grade held = MoodleGradebook.INSTANCE.grade(prefix + B4_SCORES, "yasmine");
            assertThat(held).isNotNull();
            assertThat(held.feedback())
                    .isEqualTo("Bloc évalué, proposition favorable au jury — 11 critères acquis sur 11");
            assertThat(held.finalGrade()).isEqualByComparingTo("100");
            assertThat(status("yasmine", "B4")).isEqualTo("SENT");
        });
        assertThat(elapsedMs).as("11 saves, several within one second").isLessThan(11_000);
        List<Long> accepted = acceptedSeconds(B4_SCORES, "yasmine");
        assertThat(accepted).isSortedAccordingTo(Long::compare).doesNotHaveDuplicates();
        // Every score the tool sent is later, in whole seconds, than the one before it.
        List<Long> sent = scoresPosted().stream()
                .filter(r -> r.getUrl().startsWith(prefix + B4_SCORES))
                .map(r -> java.time.Instant.parse(body(r).get("timestamp").asText())
                        .getEpochSecond())
                .toList();
        assertThat(sent).isSortedAccordingTo(Long::compare).doesNotHaveDuplicates();
    }

    static final String ACTIVITY_SCORES = "/lineitems/99/lineitem/scores";

    /** Every criterion code of the référentiel, in its order. */
    List<String> criteria() throws Exception {
        JsonNode referentiel = JSON.readTree(trainer.get("/api/v1/referentiel").body());
        return referentiel.findValues("criteria").stream()
                .flatMap(c -> java.util.stream.StreamSupport.stream(c.spliterator(), false))
                .map(c -> c.get("code").asText())
                .toList();
    }

    @Test
    void theActivitysOwnColumnReceivesTheShareOfAllCriteriaAcquired() throws Exception {
        platform = newPlatform("moodle");
        prefix = "/" + platform.clientId();
        stubMoodleLineItems();
        stubMoodleScores();
        launchAllWithActivity(
                LMS.baseUrl() + prefix + "/lineitems?type_id=1",
                LMS.baseUrl() + prefix + "/lineitems/99/lineitem?type_id=1",
                "ines");
        judge("ines", "C1.1", "ACQUIS");
        judge("ines", "C1.2", "ACQUIS");
        // The activity's column: 2 of the 80 criteria, sent like a bloc's score, to the launch's line item.
        await().atMost(WAIT).untilAsserted(() -> {
            MoodleGradebook.Grade held = MoodleGradebook.INSTANCE.grade(prefix + ACTIVITY_SCORES, "ines");
            assertThat(held).isNotNull();
            assertThat(held.feedback())
                    .isEqualTo("Évaluation en cours — 2 critères acquis sur 80 ; aucun bloc évalué sur 4");
            assertThat(status("ines", "ALL")).isEqualTo("SENT");
        });
        LoggedRequest first = scoresPosted().stream()
                .filter(r -> r.getUrl().startsWith(prefix + ACTIVITY_SCORES))
                .findFirst()
                .orElseThrow();
        assertThat(first.getUrl()).isEqualTo(prefix + ACTIVITY_SCORES + "?type_id=1");
        assertThat(first.getHeader("Content-Type")).isEqualTo(Scores.MEDIA_TYPE);
        JsonNode last = body(scoresPosted().stream()
                .filter(r -> r.getUrl().startsWith(prefix + ACTIVITY_SCORES))
                .reduce((a, b) -> b)
                .orElseThrow());
        assertThat(last.get("userId").asText()).isEqualTo("ines");
        assertThat(last.get("scoreGiven").decimalValue()).isEqualByComparingTo("2.50");
        assertThat(last.get("scoreMaximum").asInt()).isEqualTo(100);
        assertThat(last.get("activityProgress").asText()).isEqualTo("InProgress");
        assertThat(last.get("gradingProgress").asText()).isEqualTo("Pending");
        // The bloc columns are filled as before; the activity's column is not a bloc's and creates no line item.
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(status("ines", "B1")).isEqualTo("SENT"));
        assertThat(columnsCreated())
                .extracting(r -> body(r).get("resourceId").asText())
                .containsExactlyInAnyOrder("B1", "B2", "B3", "B4");

        // Every criterion judged, one NON_ACQUIS, many saves within a second: every bloc evaluated, so the
        // activity's grade is final (FullyGraded, Completed), and Moodle's whole-second rule loses nothing.
        List<String> codes = criteria();
        assertThat(codes).hasSize(80);
        for (String code : codes) {
            judge("ines", code, code.equals("C9.1") ? "NON_ACQUIS" : "ACQUIS");
        }
        await().atMost(WAIT).untilAsserted(() -> {
            MoodleGradebook.Grade held = MoodleGradebook.INSTANCE.grade(prefix + ACTIVITY_SCORES, "ines");
            assertThat(held.finalGrade()).isEqualByComparingTo("98.75");
            assertThat(held.feedback())
                    .isEqualTo("Les 4 blocs sont évalués — 79 critères acquis sur 80 ; aucun bloc validé par le jury");
            assertThat(status("ines", "ALL")).isEqualTo("SENT");
        });
        JsonNode graded = body(scoresPosted().stream()
                .filter(r -> r.getUrl().startsWith(prefix + ACTIVITY_SCORES))
                .reduce((a, b) -> b)
                .orElseThrow());
        assertThat(graded.get("activityProgress").asText()).isEqualTo("Completed");
        assertThat(graded.get("gradingProgress").asText()).isEqualTo("FullyGraded");
        List<Long> sent = scoresPosted().stream()
                .filter(r -> r.getUrl().startsWith(prefix + ACTIVITY_SCORES))
                .map(r -> java.time.Instant.parse(body(r).get("timestamp").asText())
                        .getEpochSecond())
                .toList();
        assertThat(sent).isSortedAccordingTo(Long::compare).doesNotHaveDuplicates();

        // The sync page and the API show it apart from the blocs.
        JsonNode api = JSON.readTree(trainer.get("/api/v1/grade-sync").body());
        assertThat(java.util.stream.StreamSupport.stream(api.get("rows").spliterator(), false)
                        .map(r -> r.get("blocCode").asText())
                        .toList())
                .containsExactly("ALL", "B1", "B2", "B3", "B4");
        assertThat(trainer.get("/app/sync").body()).contains("Activité (résultat global)");
    }

    @Test
    void aLaunchWithoutALineItemClaimGetsNoOverallScore() {
        lmsWithPrefix("jules");
        judge("jules", "C1.1", "ACQUIS");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(status("jules", "B1")).isEqualTo("SENT"));
        trainer.send("POST", "/app/sync/course", "", csrf);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(status("jules", "B4")).isEqualTo("SENT"));
        assertThat(status("jules", "ALL")).isEqualTo("NONE");
        assertThat(scoresPosted())
                .extracting(LoggedRequest::getUrl)
                .allMatch(url ->
                        url.matches(java.util.regex.Pattern.quote(prefix) + "/lineitems/[1-4]/lineitem/scores.*"));
    }

    @Test
    void aLineItemClaimAfterJudgmentsFillsTheActivitysColumnAtTheNextTrainerLaunch() {
        lmsWithPrefix("louis");
        judge("louis", "C1.1", "ACQUIS");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(status("louis", "B1")).isEqualTo("SENT"));
        assertThat(status("louis", "ALL")).isEqualTo("NONE");
        // The teacher turns grades on in the activity: the next launch names its column.
        launchAllWithActivity(
                LMS.baseUrl() + prefix + "/lineitems?type_id=1",
                LMS.baseUrl() + prefix + "/lineitems/99/lineitem?type_id=1");
        await().atMost(WAIT).untilAsserted(() -> {
            MoodleGradebook.Grade held = MoodleGradebook.INSTANCE.grade(prefix + ACTIVITY_SCORES, "louis");
            assertThat(held).isNotNull();
            assertThat(held.feedback())
                    .isEqualTo("Évaluation en cours — 1 critère acquis sur 80 ; aucun bloc évalué sur 4");
        });
    }

    @Test
    void aScoreRefusedForItsTimestampGoesAgainLaterAndTheRefusalIsShown(CapturedOutput output) throws Exception {
        lmsWithPrefix("zoe");
        // Moodle's clock is 3 s ahead of the tool's: the grade it stored as pending carries its own time.
        long ahead = java.time.Instant.now().getEpochSecond() + 3;
        MoodleGradebook.INSTANCE.hold(prefix + B1_SCORES, "zoe", new MoodleGradebook.Grade(ahead, null, "avant"));
        judge("zoe", "C1.1", "ACQUIS");
        await().atMost(WAIT).untilAsserted(() -> assertThat(status("zoe", "B1")).isEqualTo("SENT"));
        List<MoodleGradebook.Answer> answers = MoodleGradebook.INSTANCE.answers(prefix + B1_SCORES);
        assertThat(answers).extracting(MoodleGradebook.Answer::status).contains(409);
        assertThat(answers.get(answers.size() - 1).status()).isEqualTo(200);
        assertThat(acceptedSeconds(B1_SCORES, "zoe"))
                .singleElement()
                .satisfies(s -> assertThat(s).isGreaterThan(ahead));
        assertThat(MoodleGradebook.INSTANCE.grade(prefix + B1_SCORES, "zoe").feedback())
                .isEqualTo("Bloc en cours d'évaluation — 1 critère acquis sur 30");

        assertThat(output.getOut())
                .containsPattern("WARN .*Platform refused the score of outbox row \\d+ .*HTTP 409 from [^:]+: "
                        + "Refusing score with an earlier timestamp for item 1 and user zoe");
        JsonNode api = JSON.readTree(trainer.get("/api/v1/grade-sync").body());
        JsonNode row = java.util.stream.StreamSupport.stream(api.get("rows").spliterator(), false)
                .filter(r -> r.get("learnerId").asText().equals("zoe"))
                .findFirst()
                .orElseThrow();
        assertThat(row.get("status").asText()).isEqualTo("SENT");
        assertThat(row.at("/lastRefusal/status").asInt()).isEqualTo(409);
        assertThat(row.at("/lastRefusal/message").asText())
                .contains("Refusing score with an earlier timestamp for item 1 and user zoe");
        assertThat(trainer.get("/app/sync").body())
                .contains("Dernier refus de la plateforme")
                .contains("Refusing score with an earlier timestamp for item 1 and user zoe");
        assertThat(metrics.get("cqpi.gradesync.platform.refusals")
                        .tag("status", "409")
                        .counter()
                        .count())
                .isPositive();
    }

    @Test
    void reessayerSendsTheCurrentStateWithALaterTimestamp() {
        lmsWithPrefix("adam");
        judge("adam", "C1.1", "ACQUIS");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(status("adam", "B1")).isEqualTo("SENT"));
        var refusing = LMS.stubFor(post(urlPathMatching(prefix + "/lineitems/\\d+/lineitem/scores"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"User not enrolled in the course\"}")));
        judge("adam", "C1.2", "ACQUIS");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(status("adam", "B1")).isEqualTo("FAILED"));
        LMS.removeStub(refusing);

        String page = trainer.get("/app/sync").body();
        Map<String, String> form = new HashMap<>(trainer.csrfHeaders(page));
        form.put("Content-Type", "application/x-www-form-urlencoded");
        assertThat(trainer.send("POST", "/app/sync/retry", "learner=adam&bloc=B1", form)
                        .statusCode())
                .isEqualTo(200);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(status("adam", "B1")).isEqualTo("SENT"));
        assertThat(MoodleGradebook.INSTANCE.grade(prefix + B1_SCORES, "adam").feedback())
                .isEqualTo("Bloc en cours d'évaluation — 2 critères acquis sur 30");
        List<Long> sent = scoresPosted().stream()
                .filter(r -> body(r).get("userId").asText().equals("adam"))
                .map(r -> java.time.Instant.parse(body(r).get("timestamp").asText())
                        .getEpochSecond())
                .toList();
        assertThat(sent)
                .hasSizeGreaterThanOrEqualTo(3)
                .isSortedAccordingTo(Long::compare)
                .doesNotHaveDuplicates();
    }

    /** Another host and port, recording what reaches it. */
    static com.github.tomakehurst.wiremock.WireMockServer attacker() {
        var attacker = new com.github.tomakehurst.wiremock.WireMockServer(
                com.github.tomakehurst.wiremock.core.WireMockConfiguration.options()
                        .dynamicPort()
                        .bindAddress("127.0.0.1"));
        attacker.start();
        attacker.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(urlPathMatching(".*"))
                .willReturn(okJson("{\"members\":[],\"id\":\"x\"}")));
        return attacker;
    }

    static String attackerUrl(com.github.tomakehurst.wiremock.WireMockServer attacker) {
        return "http://127.0.0.1:" + attacker.port();
    }

    @Test
    void aGradeServiceClaimedOnAnotherOriginGetsNoTokenAndTheSyncPageSaysWhy() {
        var attacker = attacker();
        try {
            TestPlatform p = newPlatform("foreign-ags");
            platform = p;
            prefix = "/" + p.clientId();
            launchAll(attackerUrl(attacker) + "/lineitems", "ruth");
            assertThat(trainer.get("/app").statusCode()).as("the launch works").isEqualTo(200);
            judge("ruth", "C1.1", "ACQUIS");
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(status("ruth", "B1")).isEqualTo("FAILED"));
            assertThat(attacker.getAllServeEvents())
                    .as("nothing reached the foreign origin")
                    .isEmpty();
            String page = trainer.get("/app/sync").body();
            assertThat(page)
                    .contains("Service de notes indisponible")
                    .contains(attackerUrl(attacker) + "/lineitems")
                    .contains("is not one of the platform&#39;s service origins");
        } finally {
            attacker.stop();
        }
    }

    @Test
    void anOriginTheAdministratorAddedReceivesTheToken() {
        var institution = attacker();
        try {
            TestPlatform p = newPlatform("canvas-like");
            platform = p;
            prefix = "/" + p.clientId();
            String container = attackerUrl(institution) + prefix + "/api/lti/courses/7/line_items";
            institution.stubFor(get(urlPathEqualTo(prefix + "/api/lti/courses/7/line_items"))
                    .willReturn(aResponse()
                            .withStatus(200)
                            .withHeader("Content-Type", LineItem.CONTAINER)
                            .withBody("[" + item(container, 4, "B4") + "]")));
            institution.stubFor(post(urlPathMatching(prefix + "/api/lti/courses/7/line_items/4/scores"))
                    .willReturn(aResponse().withStatus(204)));
            // The administrator added the institution's origin (Canvas: AGS on the school's domain).
            registry.upsert(new fr.cqpi.lti.PlatformDefinition(
                    "AGS",
                    platform.issuer(),
                    platform.clientId(),
                    List.of(platform.deploymentId()),
                    platform.platform().authorizationEndpoint(),
                    LMS.baseUrl() + prefix + "/token",
                    platform.platform().jwksUri(),
                    List.of(attackerUrl(institution))));
            launchAll(container, "sam");
            judge("sam", "C9.1", "ACQUIS");
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(
                                    institution.findAll(postRequestedFor(urlPathMatching(prefix + "/.*/scores"))))
                            .isNotEmpty());
            assertThat(institution
                            .findAll(postRequestedFor(urlPathMatching(prefix + "/.*/scores")))
                            .get(0)
                            .getHeader("Authorization"))
                    .isEqualTo("Bearer tok-" + platform.clientId());
        } finally {
            institution.stop();
        }
    }

    /** A platform whose roster service is on its own origin (the LMS WireMock), with its token endpoint there. */
    LtiClient rosterPlatform(String name) {
        return rosterPlatform(name, memberships -> {});
    }

    /** The same, with the roster service stubbed (given its URL) before the teacher's launch reads it. */
    LtiClient rosterPlatform(String name, java.util.function.Consumer<String> beforeLaunch) {
        TestPlatform p = newPlatform(name);
        platform = p;
        prefix = "/" + p.clientId();
        String memberships = LMS.baseUrl() + prefix + "/memberships";
        LMS.stubFor(post(urlPathEqualTo(prefix + "/token"))
                .willReturn(okJson("{\"access_token\":\"t\",\"expires_in\":3600}")));
        registry.upsert(new fr.cqpi.lti.PlatformDefinition(
                "NRPS",
                p.issuer(),
                p.clientId(),
                List.of(p.deploymentId()),
                p.platform().authorizationEndpoint(),
                LMS.baseUrl() + prefix + "/token",
                p.platform().jwksUri()));
        beforeLaunch.accept(memberships);
        LtiClient teacher = browser();
        teacher.launch(p, "teacher", n -> {
            Map<String, Object> c = p.moodleLaunch("teacher", INSTRUCTOR, n, "course-" + name);
            c.put(
                    "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice",
                    Map.of("context_memberships_url", memberships, "service_versions", List.of("2.0")));
            return c;
        });
        return teacher;
    }

    String refreshRoster(LtiClient teacher) {
        Map<String, String> form =
                new HashMap<>(teacher.csrfHeaders(teacher.get("/app/sync").body()));
        form.put("Content-Type", "application/x-www-form-urlencoded");
        return teacher.send("POST", "/app/sync/roster", "", form).body();
    }

    @Test
    void aRedirectFromTheRosterServiceIsNotFollowed() {
        var attacker = attacker();
        try {
            LtiClient teacher = rosterPlatform("redirect");
            LMS.stubFor(get(urlPathEqualTo(prefix + "/memberships"))
                    .atPriority(1)
                    .willReturn(aResponse().withStatus(302).withHeader("Location", attackerUrl(attacker) + "/steal")));
            assertThat(refreshRoster(teacher)).contains("HTTP 302").contains("not followed");
            assertThat(attacker.getAllServeEvents()).isEmpty();
        } finally {
            attacker.stop();
        }
    }

    @Test
    void aNextPageOnAnotherHostIsNotCalled() {
        var attacker = attacker();
        try {
            LtiClient teacher = rosterPlatform("nextpage");
            LMS.stubFor(get(urlPathEqualTo(prefix + "/memberships"))
                    .atPriority(1)
                    .willReturn(aResponse()
                            .withStatus(200)
                            .withHeader("Content-Type", Memberships.MEDIA_TYPE)
                            .withHeader("Link", "<" + attackerUrl(attacker) + "/memberships?page=2>; rel=\"next\"")
                            .withBody(members(List.of("m1")))));
            assertThat(refreshRoster(teacher)).contains("is not one of the platform&#39;s service origins");
            assertThat(attacker.getAllServeEvents()).isEmpty();
        } finally {
            attacker.stop();
        }
    }

    @Test
    void theRosterIsReadAcrossPagesAndLeaversBecomeInactive() {
        LtiClient teacher = rosterPlatform(
                "nrps", memberships -> stubRoster(memberships, List.of("m1", "m2"), List.of("m3", "teacher")));
        String memberships = LMS.baseUrl() + prefix + "/memberships";
        await().atMost(WAIT)
                .untilAsserted(
                        () -> assertThat(learners(teacher)).containsExactlyInAnyOrder("m1:true", "m2:true", "m3:true"));

        stubRoster(memberships, List.of("m1"), List.of("m3", "teacher"));
        assertThat(refreshRoster(teacher)).contains("2 apprenants lus");
        assertThat(learners(teacher)).containsExactlyInAnyOrder("m1:true", "m2:false", "m3:true");
    }

    void stubRoster(String url, List<String> page1, List<String> page2) {
        LMS.stubFor(get(urlPathEqualTo(prefix + "/memberships"))
                .withQueryParam("page", equalTo("2"))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", Memberships.MEDIA_TYPE)
                        .withBody(members(page2))));
        LMS.stubFor(get(urlPathEqualTo(prefix + "/memberships"))
                .atPriority(2)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", Memberships.MEDIA_TYPE)
                        .withHeader("Link", "<" + url + "?page=2>; rel=\"next\"")
                        .withBody(members(page1))));
    }

    static String members(List<String> ids) {
        StringBuilder json = new StringBuilder("{\"id\":\"x\",\"context\":{\"id\":\"course-nrps\"},\"members\":[");
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            String role = id.equals("teacher") ? INSTRUCTOR : LEARNER;
            json.append(i == 0 ? "" : ",")
                    .append("{\"user_id\":\"")
                    .append(id)
                    .append("\",\"status\":\"Active\",\"name\":\"Name ")
                    .append(id)
                    .append("\",\"roles\":[\"")
                    .append(role)
                    .append("\"]}");
        }
        return json.append("]}").toString();
    }

    List<String> learners(LtiClient teacher) {
        try {
            JsonNode learners = JSON.readTree(teacher.get("/api/v1/learners").body());
            return java.util.stream.StreamSupport.stream(learners.spliterator(), false)
                    .map(l ->
                            l.get("learnerId").asText() + ":" + l.get("active").asBoolean())
                    .toList();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

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

    static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            form.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }
}
