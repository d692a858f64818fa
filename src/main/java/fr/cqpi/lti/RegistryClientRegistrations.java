package fr.cqpi.lti;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;
import uk.ac.ox.ctl.lti13.security.oauth2.client.lti.web.LTIAuthorizationGrantType;

/** Presents the platform registry to the LTI library as Spring Security client registrations. */
@Component
class RegistryClientRegistrations implements ClientRegistrationRepository {

    private final PlatformRegistry registry;
    private final ToolBaseUrl baseUrl;

    RegistryClientRegistrations(PlatformRegistry registry, ToolBaseUrl baseUrl) {
        this.registry = registry;
        this.baseUrl = baseUrl;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        return registry.findByRegistrationId(registrationId)
                .map(platform -> toRegistration(platform, baseUrl.get()))
                .orElse(null);
    }

    static ClientRegistration toRegistration(Platform platform, String baseUrl) {
        return ClientRegistration.withRegistrationId(platform.registrationId())
                .clientId(platform.clientId())
                .authorizationGrantType(LTIAuthorizationGrantType.IMPLICIT)
                .scope("openid")
                .redirectUri(baseUrl + LtiPaths.LAUNCH)
                .authorizationUri(platform.authorizationEndpoint())
                .tokenUri(platform.tokenEndpoint())
                .jwkSetUri(platform.jwksUri())
                .issuerUri(platform.issuer())
                .clientName(platform.name())
                .build();
    }
}
