package fr.cqpi.gradesync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static fr.cqpi.support.TestPlatform.INSTRUCTOR;
import static fr.cqpi.support.TestPlatform.LEARNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.cqpi.lti.PlatformDefinition;
import fr.cqpi.support.Json;
import fr.cqpi.support.LtiClient;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The course roster (NRPS): read across pages, leavers made inactive, no redirect or page of another host
 * followed.
 */
class RosterTest extends GradebookTest {

    /** A platform whose roster service is on its own origin (the LMS WireMock), with its token endpoint there. */
    LtiClient rosterPlatform(String name) {
        return rosterPlatform(name, memberships -> {});
    }

    /** The same, with the roster service stubbed (given its URL) before the teacher's launch reads it. */
    LtiClient rosterPlatform(String name, Consumer<String> beforeLaunch) {
        newGradebook(name);
        String memberships = LMS.baseUrl() + prefix + "/memberships";
        LMS.stubFor(post(urlPathEqualTo(prefix + "/token"))
                .willReturn(okJson(Json.object("access_token", "t", "expires_in", 3600))));
        registry.upsert(new PlatformDefinition(
                "NRPS",
                platform.issuer(),
                platform.clientId(),
                List.of(platform.deploymentId()),
                platform.platform().authorizationEndpoint(),
                LMS.baseUrl() + prefix + "/token",
                platform.platform().jwksUri()));
        beforeLaunch.accept(memberships);
        return launched(
                platform,
                "teacher",
                INSTRUCTOR,
                "course-" + name,
                claims -> claims.put(
                        "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice",
                        Map.of("context_memberships_url", memberships, "service_versions", List.of("2.0"))));
    }

    String refreshRoster(LtiClient teacher) {
        return teacher.send(
                        "POST",
                        "/app/sync/roster",
                        "",
                        LtiClient.formHeaders(teacher.get("/app/sync").body()))
                .body();
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

    /** A page of the roster as NRPS 2.0 lists it. */
    static String members(List<String> ids) {
        List<Map<String, Object>> members = ids.stream()
                .map(id -> Json.fields(
                        "user_id",
                        id,
                        "status",
                        "Active",
                        "name",
                        "Name " + id,
                        "roles",
                        List.of(id.equals("teacher") ? INSTRUCTOR : LEARNER)))
                .toList();
        return Json.object("id", "x", "context", Map.of("id", "course-nrps"), "members", members);
    }

    List<String> learners(LtiClient teacher) {
        try {
            JsonNode learners = Json.read(teacher.get("/api/v1/learners").body());
            return StreamSupport.stream(learners.spliterator(), false)
                    .map(l ->
                            l.get("learnerId").asText() + ":" + l.get("active").asBoolean())
                    .toList();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
