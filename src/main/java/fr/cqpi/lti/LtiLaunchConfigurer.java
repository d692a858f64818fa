package fr.cqpi.lti;

import fr.cqpi.shared.StandalonePages;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.CsrfConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.stereotype.Component;

/**
 * The LTI 1.3 launch (IMS Security Framework §5.1.1) in the security filter chain, one pair of endpoints for every
 * platform: the login initiation at {@code /lti/login} ({@link LoginInitiationGuard}, then {@link LoginStepFilter})
 * and the platform's answer at {@code /lti/launch} ({@link LaunchResponseFilter}, {@link
 * LaunchAuthenticationProvider}, then {@link LaunchSuccessHandler} or {@link LaunchFailureHandler}). The login state
 * is kept in the browser's session and, for browsers whose cookies do not come back, in PostgreSQL
 * ({@link LaunchStateRepository}). The platforms' posts carry no CSRF token, and LMS frames embed the tool.
 */
@Component
public class LtiLaunchConfigurer extends AbstractHttpConfigurer<LtiLaunchConfigurer, HttpSecurity> {

    private final PlatformRegistry registry;
    private final PlatformJwtDecoders decoders;
    private final LaunchClaimsValidator validator;
    private final LaunchRecorder recorder;
    private final SessionHandover handover;
    private final LaunchRefusalPage refusalPage;
    private final JdbcClient jdbc;
    private final ToolBaseUrl baseUrl;
    private final ApplicationEventPublisher events;
    private final StandalonePages pages;
    private final LoginStepPage loginStepPage;

    LtiLaunchConfigurer(
            PlatformRegistry registry,
            PlatformJwtDecoders decoders,
            LaunchClaimsValidator validator,
            LaunchRecorder recorder,
            SessionHandover handover,
            LaunchRefusalPage refusalPage,
            JdbcClient jdbc,
            ToolBaseUrl baseUrl,
            ApplicationEventPublisher events,
            StandalonePages pages,
            LoginStepPage loginStepPage) {
        this.registry = registry;
        this.decoders = decoders;
        this.validator = validator;
        this.recorder = recorder;
        this.handover = handover;
        this.refusalPage = refusalPage;
        this.jdbc = jdbc;
        this.baseUrl = baseUrl;
        this.events = events;
        this.pages = pages;
        this.loginStepPage = loginStepPage;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void init(HttpSecurity http) {
        CsrfConfigurer<HttpSecurity> csrf = http.getConfigurer(CsrfConfigurer.class);
        if (csrf != null) {
            csrf.ignoringRequestMatchers(
                    PathPatternRequestMatcher.withDefaults().matcher("/lti/**"));
        }
        HeadersConfigurer<HttpSecurity> headers = http.getConfigurer(HeadersConfigurer.class);
        if (headers != null) {
            // Frames are governed by the Content-Security-Policy's frame-ancestors (FramedPageHeaders).
            headers.frameOptions(HeadersConfigurer.FrameOptionsConfig::disable);
        }
    }

    @Override
    public void configure(HttpSecurity http) {
        LaunchStateRepository states = new LaunchStateRepository(new JdbcAuthorizationRequestRepository(jdbc));

        // Step 1, third-party initiated login: the guard runs first (same position, added first).
        http.addFilterAfter(new LoginInitiationGuard(registry, refusalPage, baseUrl), LogoutFilter.class);
        http.addFilterAfter(
                new LoginStepFilter(new LoginInitiationResolver(baseUrl), states, loginStepPage, baseUrl),
                LogoutFilter.class);

        // Step 3, authentication response.
        LaunchResponseFilter launch = new LaunchResponseFilter(
                states, registry, new ProviderManager(new LaunchAuthenticationProvider(decoders, validator)));
        launch.setAuthenticationSuccessHandler(new LaunchSuccessHandler(
                recorder, handover, new HttpSessionSecurityContextRepository(), states, events, pages));
        launch.setAuthenticationFailureHandler(new LaunchFailureHandler(refusalPage));
        http.addFilterAfter(launch, AbstractPreAuthenticatedProcessingFilter.class);
    }
}
