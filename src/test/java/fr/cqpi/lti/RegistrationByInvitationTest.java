package fr.cqpi.lti;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.LtiClient;
import fr.cqpi.support.TestPlatform;
import fr.cqpi.support.ToolIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Dynamic registration as an attacker tries it: the "platform" is a WireMock server on loopback that records
 * every request the tool makes to it.
 */
class RegistrationByInvitationTest extends ToolIntegrationTest {

    @Autowired
    RegistrationInvitations invitations;

    String prefix;
    String attacker;

    @BeforeEach
    void attackerServer() {
        prefix = "/attacker-" + UUID.randomUUID().toString().substring(0, 8);
        attacker = LMS.baseUrl() + prefix;
    }

    int requestsReceived() {
        return LMS.findAll(anyRequestedFor(urlPathMatching(prefix + "/.*"))).size();
    }

    void stubConfiguration(String issuer, String tokenEndpoint) {
        LMS.stubFor(get(urlPathEqualTo(prefix + "/config"))
                .willReturn(okJson("""
                {"issuer": "%s", "authorization_endpoint": "%2$s/auth", "token_endpoint": "%3$s",
                 "jwks_uri": "%2$s/jwks", "registration_endpoint": "%2$s/register"}
                """.formatted(issuer, attacker, tokenEndpoint))));
    }

    void stubRegistration(String clientId) {
        LMS.stubFor(post(urlPathEqualTo(prefix + "/register")).willReturn(okJson("""
                {"client_id": "%s", "https://purl.imsglobal.org/spec/lti-tool-configuration": {"deployment_id": "1"}}
                """.formatted(clientId))));
    }

    String newInvitation() {
        return invitations.create("test", Duration.ofDays(7), "test").url();
    }

    String open(String invitationUrl) {
        return DynamicRegistrationTest.registerUrl(invitationUrl, attacker + "/config");
    }

    long platforms() {
        return jdbc.sql("select count(*) from platform").query(Long.class).single();
    }

    @Test
    void anAnonymousRegistrationIsRefusedAndTheToolFetchesNothing() {
        stubConfiguration(attacker, attacker + "/token");
        long before = platforms();
        LtiClient anonymous = browser();
        for (String url : new String[] {
            "/lti/register?openid_configuration=" + attacker + "/config&registration_token=x",
            "/lti/register?invitation=forged&openid_configuration=" + attacker + "/config",
            "/lti/register?invitation=&openid_configuration=" + attacker + "/config"
        }) {
            var response = anonymous.get(url);
            assertThat(response.statusCode()).as(url).isEqualTo(403);
            assertThat(response.body()).contains("invitation");
        }
        var confirm = anonymous.send(
                "POST",
                "/lti/register",
                "id=whatever&invitation=forged",
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(confirm.statusCode()).isEqualTo(403);
        assertThat(requestsReceived()).isZero();
        assertThat(platforms()).isEqualTo(before);
    }

    @Test
    void anInvitationWorksOnceAndNotAfterItExpiresOrIsRevoked() {
        String clientId = "client-" + UUID.randomUUID();
        stubConfiguration(attacker, attacker + "/token");
        stubRegistration(clientId);
        String invitation = newInvitation();
        LtiClient admin = browser();
        var proposal = admin.get(open(invitation));
        assertThat(proposal.statusCode()).isEqualTo(200);
        assertThat(confirm(admin, proposal.body()).statusCode()).isEqualTo(200);
        assertThat(registry.findForLogin(attacker, clientId)).isPresent();

        int fetched = requestsReceived();
        var reused = browser().get(open(invitation));
        assertThat(reused.statusCode()).isEqualTo(403);
        assertThat(requestsReceived()).isEqualTo(fetched);

        var expired = invitations.create("expired", Duration.ofDays(1), "test");
        jdbc.sql("update registration_invitation set expires_at = now() - interval '1 second' where id = :id")
                .param("id", expired.id())
                .update();
        assertThat(browser().get(open(expired.url())).statusCode()).isEqualTo(403);

        var revoked = invitations.create("revoked", Duration.ofDays(1), "test");
        invitations.revoke(revoked.id(), "test");
        assertThat(browser().get(open(revoked.url())).statusCode()).isEqualTo(403);
        assertThat(requestsReceived()).isEqualTo(fetched);
        assertThat(invitations.all().stream()
                        .filter(i -> i.id() == revoked.id())
                        .findFirst()
                        .orElseThrow()
                        .state())
                .isEqualTo(RegistrationInvitations.State.REVOKED);
        assertThat(invitations.all().stream()
                        .filter(i -> i.id() == expired.id())
                        .findFirst()
                        .orElseThrow()
                        .state())
                .isEqualTo(RegistrationInvitations.State.EXPIRED);
    }

    @Test
    void anInvitationUsedMeanwhileStopsThePendingConfirmation() {
        stubConfiguration(attacker, attacker + "/token");
        stubRegistration("client-" + UUID.randomUUID());
        String invitation = newInvitation();
        LtiClient first = browser();
        LtiClient second = browser();
        var one = first.get(open(invitation));
        var two = second.get(open(invitation));
        assertThat(confirm(first, one.body()).statusCode()).isEqualTo(200);
        long before = platforms();
        assertThat(confirm(second, two.body()).statusCode()).isEqualTo(403);
        assertThat(platforms()).isEqualTo(before);
    }

    @Test
    void aRedirectingConfigurationUrlIsNotFollowedAndOverwritesNothing() {
        TestPlatform victim = newPlatform("victim");
        Platform original =
                registry.findForLogin(victim.issuer(), victim.clientId()).orElseThrow();
        // The attacker's configuration URL redirects to a configuration naming the victim's issuer.
        LMS.stubFor(get(urlPathEqualTo(prefix + "/config"))
                .willReturn(aResponse().withStatus(302).withHeader("Location", attacker + "/evil-config")));
        LMS.stubFor(get(urlPathEqualTo(prefix + "/evil-config"))
                .willReturn(okJson("""
                {"issuer": "%s", "authorization_endpoint": "%2$s/auth", "token_endpoint": "%2$s/token",
                 "jwks_uri": "%2$s/jwks", "registration_endpoint": "%2$s/register"}
                """.formatted(victim.issuer(), attacker))));
        stubRegistration(victim.clientId());
        var response = browser().get(open(newInvitation()));
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).contains("redirection").contains("302");
        assertThat(LMS.findAll(anyRequestedFor(urlPathEqualTo(prefix + "/evil-config"))))
                .isEmpty();
        assertThat(registry.findById(original.id())).contains(original);
    }

    @Test
    void aRegistrationNeverOverwritesAnExistingPlatform() {
        // Issuer on the attacker's own host, the client id of an existing platform with the same issuer.
        String clientId = "client-" + UUID.randomUUID();
        stubConfiguration(attacker, attacker + "/token");
        stubRegistration(clientId);
        LtiClient admin = browser();
        assertThat(confirm(admin, admin.get(open(newInvitation())).body()).statusCode())
                .isEqualTo(200);
        Platform first = registry.findForLogin(attacker, clientId).orElseThrow();

        LMS.stubFor(get(urlPathEqualTo(prefix + "/config")).willReturn(okJson("""
                {"issuer": "%1$s", "authorization_endpoint": "%1$s/auth2", "token_endpoint": "%1$s/token2",
                 "jwks_uri": "%1$s/attacker-jwks", "registration_endpoint": "%1$s/register"}
                """.formatted(attacker))));
        String invitation = newInvitation();
        var again = confirm(admin, admin.get(open(invitation)).body());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("ne remplace jamais");
        assertThat(registry.findById(first.id())).contains(first);
        assertThat(invitations.usable(invitation.substring(invitation.indexOf("invitation=") + 11)))
                .isPresent();
    }

    @Test
    void aRegistrationCannotBorrowAnotherPlatformsTokenEndpointAndClientId() {
        TestPlatform victim = newPlatform("victim");
        Platform original =
                registry.findForLogin(victim.issuer(), victim.clientId()).orElseThrow();
        stubConfiguration(attacker, original.tokenEndpoint());
        stubRegistration(victim.clientId());
        long before = platforms();
        LtiClient admin = browser();
        var done = confirm(admin, admin.get(open(newInvitation())).body());
        assertThat(done.statusCode()).isEqualTo(409);
        assertThat(platforms()).isEqualTo(before);
    }

    @Test
    void aDripFedOrHugeAnswerIsCutAndItsBodyNeverShown() {
        LMS.stubFor(get(urlPathEqualTo(prefix + "/config"))
                .willReturn(okJson("{\"issuer\": \"" + "x".repeat(100) + "\"}").withChunkedDribbleDelay(20, 20_000)));
        long started = System.nanoTime();
        var slow = browser().get(open(newInvitation()));
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        assertThat(slow.statusCode()).isEqualTo(502);
        assertThat(slow.body()).contains("pas de réponse complète");
        assertThat(seconds).isLessThan(10);

        LMS.stubFor(get(urlPathEqualTo(prefix + "/config"))
                .willReturn(okJson("{\"padding\": \"" + "A".repeat(300 * 1024) + "\"}")));
        var huge = browser().get(open(newInvitation()));
        assertThat(huge.statusCode()).isEqualTo(502);
        assertThat(huge.body()).contains("256 Ko");

        LMS.stubFor(get(urlPathEqualTo(prefix + "/config"))
                .willReturn(aResponse().withStatus(500).withBody("INTERNAL-SECRET stack trace")));
        var failed = browser().get(open(newInvitation()));
        assertThat(failed.statusCode()).isEqualTo(502);
        assertThat(failed.body()).contains("HTTP 500").doesNotContain("INTERNAL-SECRET");
    }

    @Test
    void theAdminApiCreatesAnInvitationWithHttpBasic() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String basic = "Basic "
                + Base64.getEncoder().encodeToString("admin:test-admin-password".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/api/registration-invitations"))
                        .header("Authorization", basic)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"note\": \"Moodle de l'école\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = new ObjectMapper().readTree(created.body());
        String url = body.get("url").asText();
        assertThat(url).startsWith("http://localhost:" + port + "/lti/register?invitation=");
        assertThat(java.time.Instant.parse(body.get("expiresAt").asText()))
                .isBetween(
                        java.time.Instant.now().plus(Duration.ofDays(6)),
                        java.time.Instant.now().plus(Duration.ofDays(8)));
        assertThat(created.headers().firstValue("Set-Cookie")).isEmpty();

        HttpResponse<String> noBody = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/api/registration-invitations"))
                        .header("Authorization", basic)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noBody.statusCode()).isEqualTo(201);

        HttpResponse<String> anonymous = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/api/registration-invitations"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);

        // The URL works: pasted into the platform, which adds its parameters after an '&'.
        stubConfiguration(attacker, attacker + "/token");
        assertThat(browser().get(open(url)).statusCode()).isEqualTo(200);
    }

    static HttpResponse<String> confirm(LtiClient admin, String proposalPage) {
        return admin.send(
                "POST",
                "/lti/register",
                "id=" + DynamicRegistrationTest.pendingId(proposalPage) + "&invitation="
                        + DynamicRegistrationTest.invitationOf(proposalPage),
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
    }
}
