package fr.cqpi.lti;

import fr.cqpi.shared.StandalonePages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import uk.ac.ox.ctl.lti13.Lti13Configurer;
import uk.ac.ox.ctl.lti13.security.oauth2.client.lti.authentication.OidcLaunchFlowAuthenticationProvider;
import uk.ac.ox.ctl.lti13.security.oauth2.client.lti.web.HttpSessionOAuth2AuthorizationRequestRepository;
import uk.ac.ox.ctl.lti13.security.oauth2.client.lti.web.OAuth2AuthorizationRequestRedirectFilter;
import uk.ac.ox.ctl.lti13.security.oauth2.client.lti.web.OAuth2LoginAuthenticationFilter;
import uk.ac.ox.ctl.lti13.security.oauth2.client.lti.web.OIDCInitiatingLoginRequestResolver;
import uk.ac.ox.ctl.lti13.security.oauth2.client.lti.web.OptimisticAuthorizationRequestRepository;

/**
 * spring-security-lti13 set up for one pair of endpoints shared by every platform
 * ({@code /lti/login}, {@code /lti/launch}), with the registration resolved from iss + client_id,
 * login state shared through PostgreSQL, the stricter {@link LaunchAuthenticationProvider}, and
 * refusal pages.
 */
@Component
public class CqpiLti13Configurer extends Lti13Configurer {

    private final PlatformRegistry registry;
    private final PlatformJwtDecoders decoders;
    private final LaunchClaimsValidator validator;
    private final LaunchRecorder recorder;
    private final SessionHandover handover;
    private final LaunchRefusalPage refusalPage;
    private final JdbcClient jdbc;
    private final ToolBaseUrl baseUrl;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final StandalonePages pages;
    private OptimisticAuthorizationRequestRepository authorizationRequests;

    CqpiLti13Configurer(
            PlatformRegistry registry,
            PlatformJwtDecoders decoders,
            LaunchClaimsValidator validator,
            LaunchRecorder recorder,
            SessionHandover handover,
            LaunchRefusalPage refusalPage,
            JdbcClient jdbc,
            ToolBaseUrl baseUrl,
            org.springframework.context.ApplicationEventPublisher events,
            StandalonePages pages) {
        this.baseUrl = baseUrl;
        this.pages = pages;
        this.registry = registry;
        this.decoders = decoders;
        this.validator = validator;
        this.recorder = recorder;
        this.handover = handover;
        this.refusalPage = refusalPage;
        this.jdbc = jdbc;
        this.events = events;
        ltiPath("/lti");
        loginInitiationPath("/login");
        loginPath("/launch");
    }

    @Override
    public void configure(HttpSecurity http) {
        // Registered before the library's initiation filter (same position, added first).
        http.addFilterAfter(new LoginInitiationGuard(registry, refusalPage, baseUrl), LogoutFilter.class);
        super.configure(http);
    }

    @Override
    protected OptimisticAuthorizationRequestRepository configureRequestRepository() {
        authorizationRequests = new OptimisticAuthorizationRequestRepository(
                new HttpSessionOAuth2AuthorizationRequestRepository(), new JdbcAuthorizationRequestRepository(jdbc));
        return authorizationRequests;
    }

    @Override
    protected OidcLaunchFlowAuthenticationProvider configureAuthenticationProvider(HttpSecurity http) {
        return new LaunchAuthenticationProvider(registry, decoders, validator);
    }

    @Override
    protected OAuth2AuthorizationRequestRedirectFilter configureInitiationFilter(
            ClientRegistrationRepository clientRegistrations, OptimisticAuthorizationRequestRepository requests) {
        OIDCInitiatingLoginRequestResolver resolver =
                new OIDCInitiatingLoginRequestResolver(clientRegistrations, request ->
                        (String) request.getAttribute(LoginInitiationGuard.REGISTRATION_ATTRIBUTE));
        return new LoginStepFilter(resolver, requests, pages, baseUrl);
    }

    @Override
    protected OAuth2LoginAuthenticationFilter configureLoginFilter(
            ClientRegistrationRepository clientRegistrations,
            OidcLaunchFlowAuthenticationProvider provider,
            OptimisticAuthorizationRequestRepository requests) {
        OAuth2LoginAuthenticationFilter filter = super.configureLoginFilter(clientRegistrations, provider, requests);
        filter.setAuthenticationSuccessHandler(new LaunchSuccessHandler(
                registry, recorder, handover, new HttpSessionSecurityContextRepository(), requests, events, pages));
        filter.setAuthenticationFailureHandler(new LaunchFailureHandler(refusalPage));
        return filter;
    }
}
