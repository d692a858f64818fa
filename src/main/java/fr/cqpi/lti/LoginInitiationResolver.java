package fr.cqpi.lti;

import jakarta.servlet.http.HttpServletRequest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;

/**
 * The OIDC authentication request a third-party initiated login asks for (IMS Security Framework §5.1.1.1-2), by
 * {@code GET} or form {@code POST}: {@code response_type=id_token}, {@code response_mode=form_post},
 * {@code scope=openid}, {@code prompt=none}, the platform's {@code login_hint} and {@code lti_message_hint}, a fresh
 * state and nonce, and the tool's launch URL as {@code redirect_uri}. The platform is the one
 * {@link LoginInitiationGuard} found for the request; without it the request is no login initiation.
 */
final class LoginInitiationResolver {

    private static final String LTI_MESSAGE_HINT = "lti_message_hint";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ToolBaseUrl baseUrl;

    LoginInitiationResolver(ToolBaseUrl baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A login initiation its platform cannot have sent. */
    static final class InvalidLoginInitiationException extends IllegalArgumentException {
        InvalidLoginInitiationException(String message) {
            super(message);
        }
    }

    /**
     * @return the authorization request to send the browser to, or null when the request is no login initiation
     * @throws InvalidLoginInitiationException when a required parameter is missing or {@code client_id} names another
     *     registration
     */
    OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
        if (!(request.getAttribute(LoginInitiationGuard.PLATFORM_ATTRIBUTE) instanceof Platform platform)) {
            return null;
        }
        required(request, "iss");
        String loginHint = required(request, "login_hint");
        required(request, "target_link_uri");
        // Optional, but when present it must be this registration's.
        String clientId = request.getParameter(OAuth2ParameterNames.CLIENT_ID);
        if (clientId != null && !clientId.equals(platform.clientId())) {
            throw new InvalidLoginInitiationException("client_id does not match the platform's registration");
        }

        Map<String, Object> parameters = new LinkedHashMap<>();
        // Spring Security builds authorization code requests only: the implicit flow's response type replaces
        // "code" among the request URI's parameters.
        parameters.put(OAuth2ParameterNames.RESPONSE_TYPE, OidcParameterNames.ID_TOKEN);
        parameters.put("response_mode", "form_post");
        parameters.put("prompt", "none");
        parameters.put("login_hint", loginHint);
        parameters.put(OidcParameterNames.NONCE, random());
        String messageHint = request.getParameter(LTI_MESSAGE_HINT);
        if (messageHint != null) {
            parameters.put(LTI_MESSAGE_HINT, messageHint);
        }
        return OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(platform.authorizationEndpoint())
                .clientId(platform.clientId())
                .redirectUri(baseUrl.get() + LtiPaths.LAUNCH)
                .scope(OidcScopes.OPENID)
                .state(random())
                .additionalParameters(parameters)
                // Which platform the answer must come from; kept with the state, not sent.
                .attributes(Map.of(OAuth2ParameterNames.REGISTRATION_ID, platform.registrationId()))
                .build();
    }

    /** The registration id a stored authorization request was made for. */
    static String registrationIdOf(OAuth2AuthorizationRequest authorizationRequest) {
        return authorizationRequest.getAttribute(OAuth2ParameterNames.REGISTRATION_ID);
    }

    private static String required(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            throw new InvalidLoginInitiationException("required parameter " + name + " is missing");
        }
        return value;
    }

    /** 256 random bits, URL-safe and without padding (the 1EdTech validator's states have no '='). */
    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
