package fr.cqpi.lti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.cqpi.support.LtiClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * The authorization request a third-party initiated login (IMS Security Framework §5.1.1.1) turns into, whether the
 * platform sends it by GET or by form POST, and the login initiations it refuses.
 */
class LoginInitiationResolverTest {

    static final Platform PLATFORM = new Platform(
            7,
            "Moodle",
            "https://moodle.example",
            "client-7",
            "https://moodle.example/mod/lti/auth.php",
            "https://moodle.example/mod/lti/token.php",
            "https://moodle.example/mod/lti/certs.php",
            true);

    final LoginInitiationResolver resolver = new LoginInitiationResolver(
            new ToolBaseUrl(new MockEnvironment().withProperty("cqpi.base-url", "https://cqpi.example.org")));

    static MockHttpServletRequest initiation(String method) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, LtiPaths.LOGIN);
        request.setServletPath(LtiPaths.LOGIN);
        if ("POST".equals(method)) {
            request.setContentType("application/x-www-form-urlencoded");
        }
        request.addParameter("iss", PLATFORM.issuer());
        request.addParameter("login_hint", "user 1");
        request.addParameter("target_link_uri", "https://cqpi.example.org/app");
        request.addParameter("lti_message_hint", "{\"launchid\":\"ltilaunch1_42\"}");
        request.addParameter("client_id", PLATFORM.clientId());
        request.addParameter("lti_deployment_id", "1");
        request.setAttribute(LoginInitiationGuard.PLATFORM_ATTRIBUTE, PLATFORM);
        return request;
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST"})
    void aLoginInitiationAsksThePlatformForAnIdTokenPostedToTheLaunchUrl(String method) {
        OAuth2AuthorizationRequest authorization = resolver.resolve(initiation(method));

        String uri = authorization.getAuthorizationRequestUri();
        assertThat(uri).startsWith(PLATFORM.authorizationEndpoint() + "?");
        assertThat(uri).containsOnlyOnce("response_type=");
        assertThat(LtiClient.queryOf(uri))
                .containsEntry("response_type", "id_token")
                .containsEntry("response_mode", "form_post")
                .containsEntry("scope", "openid")
                .containsEntry("prompt", "none")
                .containsEntry("client_id", PLATFORM.clientId())
                .containsEntry("redirect_uri", "https://cqpi.example.org/lti/launch")
                .containsEntry("login_hint", "user 1")
                .containsEntry("lti_message_hint", "{\"launchid\":\"ltilaunch1_42\"}")
                .containsEntry("state", authorization.getState())
                .containsEntry("nonce", (String)
                        authorization.getAdditionalParameters().get("nonce"))
                .doesNotContainKeys("registration_id", "iss", "target_link_uri", "lti_deployment_id");
        assertThat(LoginInitiationResolver.registrationIdOf(authorization)).isEqualTo(PLATFORM.registrationId());
        assertThat(authorization.getRedirectUri()).isEqualTo("https://cqpi.example.org/lti/launch");
    }

    @Test
    void everyLoginHasItsOwnUnguessableStateAndNonce() {
        OAuth2AuthorizationRequest first = resolver.resolve(initiation("GET"));
        OAuth2AuthorizationRequest second = resolver.resolve(initiation("GET"));
        String nonce = (String) first.getAdditionalParameters().get("nonce");
        assertThat(first.getState()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(second.getState());
        assertThat(nonce)
                .matches("[A-Za-z0-9_-]{43}")
                .isNotEqualTo(second.getAdditionalParameters().get("nonce"));
        assertThat(nonce).isNotEqualTo(first.getState());
    }

    @Test
    void withoutLtiMessageHintOrClientIdTheRequestGoesOnWithoutThem() {
        MockHttpServletRequest request = initiation("GET");
        request.removeParameter("lti_message_hint");
        request.removeParameter("client_id");
        Map<String, String> query = LtiClient.queryOf(resolver.resolve(request).getAuthorizationRequestUri());
        assertThat(query).doesNotContainKey("lti_message_hint").containsEntry("client_id", PLATFORM.clientId());
    }

    @Test
    void aRequestTheGuardDidNotCheckIsNoLoginInitiation() {
        MockHttpServletRequest request = initiation("GET");
        request.removeAttribute(LoginInitiationGuard.PLATFORM_ATTRIBUTE);
        assertThat(resolver.resolve(request)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"iss", "login_hint", "target_link_uri"})
    void aMissingRequiredParameterIsRefused(String name) {
        MockHttpServletRequest request = initiation("POST");
        request.removeParameter(name);
        assertThatThrownBy(() -> resolver.resolve(request))
                .isInstanceOf(LoginInitiationResolver.InvalidLoginInitiationException.class)
                .hasMessageContaining(name);
        request.addParameter(name, " ");
        assertThatThrownBy(() -> resolver.resolve(request))
                .isInstanceOf(LoginInitiationResolver.InvalidLoginInitiationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"another-client", ""})
    void aClientIdOfAnotherRegistrationIsRefused(String clientId) {
        MockHttpServletRequest request = initiation("GET");
        request.setParameter("client_id", clientId);
        assertThatThrownBy(() -> resolver.resolve(request))
                .isInstanceOf(LoginInitiationResolver.InvalidLoginInitiationException.class)
                .hasMessageContaining("client_id");
    }
}
