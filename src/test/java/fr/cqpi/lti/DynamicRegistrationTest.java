package fr.cqpi.lti;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.LtiClient;
import fr.cqpi.support.ToolIntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** LTI Dynamic Registration against a WireMock platform shaped like Moodle 4.x. */
class DynamicRegistrationTest extends ToolIntegrationTest {

    String site;
    String prefix;
    String clientId;

    @BeforeEach
    void moodle() {
        prefix = "/moodle-" + UUID.randomUUID().toString().substring(0, 8);
        site = LMS.baseUrl() + prefix;
        clientId = "dr-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Moodle's openid-configuration.php, with the issuer given (normally the site URL). */
    void stubConfiguration(String issuer) {
        LMS.stubFor(get(urlPathEqualTo(prefix + "/mod/lti/openid-configuration.php"))
                .willReturn(okJson("""
                {"issuer": "%1$s", "token_endpoint": "%2$s/mod/lti/token.php",
                 "token_endpoint_auth_methods_supported": ["private_key_jwt"],
                 "token_endpoint_auth_signing_alg_values_supported": ["RS256"],
                 "jwks_uri": "%2$s/mod/lti/certs.php", "authorization_endpoint": "%2$s/mod/lti/auth.php",
                 "registration_endpoint": "%2$s/mod/lti/openid-registration.php",
                 "scopes_supported": ["https://purl.imsglobal.org/spec/lti-bo/scope/basicoutcome",
                   "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
                   "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
                   "https://purl.imsglobal.org/spec/lti-ags/scope/score",
                   "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
                   "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly",
                   "https://purl.imsglobal.org/spec/lti-ts/scope/toolsetting", "openid"],
                 "response_types_supported": ["id_token"], "subject_types_supported": ["public", "pairwise"],
                 "id_token_signing_alg_values_supported": ["RS256"], "claims_supported": ["sub", "iss", "name",
                   "given_name", "family_name", "email"],
                 "https://purl.imsglobal.org/spec/lti-platform-configuration": {"product_family_code": "moodle",
                   "version": "4.5", "messages_supported": [{"type": "LtiResourceLinkRequest"},
                   {"type": "LtiDeepLinkingRequest", "placements": ["ContentArea"]}],
                   "variables": ["CourseSection.timeFrame.end"]}}
                """.formatted(issuer, site))));
    }

    void stubRegistration(int status) {
        LMS.stubFor(post(urlPathEqualTo(prefix + "/mod/lti/openid-registration.php"))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                status == 200 ? """
                        {"client_id": "%s", "response_types": ["id_token"],
                         "https://purl.imsglobal.org/spec/lti-tool-configuration": {"deployment_id": "7"}}
                        """.formatted(clientId) : "{\"error\": \"invalid_client_metadata\"}")));
    }

    @Autowired
    RegistrationInvitations invitations;

    String invitation;

    /** The invitation URL as the administrator pastes it, opened as Moodle opens it (moodle_url::param). */
    String registerUrl() {
        if (invitation == null) {
            invitation = invitations
                    .create("test", RegistrationInvitations.DEFAULT_VALIDITY, "test")
                    .url();
        }
        return registerUrl(invitation, site + "/mod/lti/openid-configuration.php");
    }

    static String registerUrl(String invitationUrl, String configuration) {
        String path = invitationUrl.replaceFirst("^https?://[^/]+", "");
        return path + (path.contains("?") ? "&" : "?") + "openid_configuration="
                + URLEncoder.encode(configuration, StandardCharsets.UTF_8)
                + "&registration_token=reg-token-123";
    }

    java.net.http.HttpResponse<String> confirm(LtiClient admin, String proposalPage) {
        return admin.send(
                "POST",
                "/lti/register",
                "id=" + pendingId(proposalPage) + "&invitation=" + invitationOf(proposalPage),
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
    }

    long platforms() {
        return jdbc.sql("select count(*) from platform").query(Long.class).single();
    }

    @Test
    void aMoodleShapedPlatformRegistersTheToolByUrl() throws Exception {
        stubConfiguration(site);
        stubRegistration(200);
        LtiClient admin = browser();
        var proposal = admin.get(registerUrl());
        assertThat(proposal.statusCode()).isEqualTo(200);
        assertThat(proposal.body())
                .contains(site)
                .contains("/lti/login")
                .contains("Enregistrer l&#39;outil")
                .contains("<code>http://localhost:" + port + "/lti/launch</code>");
        assertThat(LMS.findAll(getRequestedFor(urlPathEqualTo(prefix + "/mod/lti/openid-configuration.php")))
                        .get(0)
                        .getHeader("Authorization"))
                .isEqualTo("Bearer reg-token-123");
        assertThat(registry.findForLogin(site, clientId)).isEmpty();

        var done = confirm(admin, proposal.body());
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(done.body())
                .containsPattern("registration-close(-[0-9a-f]{32})?\\.js")
                .contains(clientId);

        Platform platform = registry.findForLogin(site, clientId).orElseThrow();
        assertThat(platform.authorizationEndpoint()).isEqualTo(site + "/mod/lti/auth.php");
        assertThat(platform.tokenEndpoint()).isEqualTo(site + "/mod/lti/token.php");
        assertThat(platform.jwksUri()).isEqualTo(site + "/mod/lti/certs.php");
        assertThat(registry.isDeploymentActive(platform.id(), "7")).isTrue();

        var posted = LMS.findAll(postRequestedFor(urlPathEqualTo(prefix + "/mod/lti/openid-registration.php")))
                .get(0);
        assertThat(posted.getHeader("Authorization")).isEqualTo("Bearer reg-token-123");
        JsonNode request = new ObjectMapper().readTree(posted.getBodyAsString());
        String base = "http://localhost:" + port;
        assertThat(request.get("initiate_login_uri").asText()).isEqualTo(base + "/lti/login");
        assertThat(request.get("redirect_uris").get(0).asText()).isEqualTo(base + "/lti/launch");
        assertThat(request.get("jwks_uri").asText()).isEqualTo(base + "/.well-known/jwks.json");
        assertThat(request.get("token_endpoint_auth_method").asText()).isEqualTo("private_key_jwt");
        assertThat(request.get("scope").asText())
                .contains("https://purl.imsglobal.org/spec/lti-ags/scope/score")
                .contains("https://purl.imsglobal.org/spec/lti-ags/scope/lineitem")
                .contains("https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly");
        JsonNode tool = request.get("https://purl.imsglobal.org/spec/lti-tool-configuration");
        assertThat(tool.get("domain").asText()).isEqualTo("localhost:" + port);
        assertThat(tool.get("target_link_uri").asText()).isEqualTo(base + "/app");
        assertThat(tool.get("claims").toString()).contains("email").contains("name");
        assertThat(tool.get("messages").findValuesAsString("type"))
                .containsExactly("LtiResourceLinkRequest", "LtiDeepLinkingRequest");

        // The confirmation works once, and the invitation is used.
        var again = confirm(admin, proposal.body());
        assertThat(again.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select platform_id from registration_invitation where used_at is not null"
                                + " and platform_id = :p")
                        .param("p", platform.id())
                        .query(Long.class)
                        .list())
                .containsExactly(platform.id());
        assertThat(registry.openidConfigurationUrl(platform.id())).contains(site + "/mod/lti/openid-configuration.php");
    }

    @Test
    void anIssuerThatDoesNotMatchTheConfigurationUrlIsRefusedAndNothingStored() {
        stubConfiguration("https://evil.example");
        long before = platforms();
        var response = browser().get(registerUrl());
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).contains("Enregistrement impossible").contains("https://evil.example");
        assertThat(invitations.usable(invitation.substring(invitation.indexOf('=') + 1)))
                .isPresent();
        assertThat(platforms()).isEqualTo(before);
    }

    @Test
    void aFailedRegistrationPostShowsWhatWentWrongAndStoresNothing() {
        stubConfiguration(site);
        stubRegistration(400);
        long before = platforms();
        LtiClient admin = browser();
        var proposal = admin.get(registerUrl());
        var done = confirm(admin, proposal.body());
        assertThat(done.statusCode()).isEqualTo(502);
        // The reason, never the platform's body.
        assertThat(done.body()).contains("HTTP 400").doesNotContain("invalid_client_metadata");
        assertThat(platforms()).isEqualTo(before);
    }

    @Test
    void withoutAConfigurationUrlTheAdministratorIsTold() {
        var response = browser().get(registerUrl().replaceFirst("&openid_configuration=.*", ""));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("openid_configuration");
    }

    static String invitationOf(String page) {
        Matcher m = Pattern.compile("name=\"invitation\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    static String pendingId(String page) {
        Matcher m = Pattern.compile("name=\"id\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
