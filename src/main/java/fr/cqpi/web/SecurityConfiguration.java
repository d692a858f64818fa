package fr.cqpi.web;

import fr.cqpi.lti.LtiLaunchConfigurer;
import fr.cqpi.shared.FramedPageHeaders;
import fr.cqpi.tutors.InvitedTutorGuard;
import fr.cqpi.tutors.InvitedTutorSession;
import fr.cqpi.tutors.TutorAudit;
import fr.cqpi.tutors.TutorInvitations;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * One filter chain: LTI endpoints and documents' verification pages are public (the launch is the authentication), the tool's pages and
 * API need a launch, CSRF protects every state change, and only LMS frames may embed the pages.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * Spring Security observes nothing: each of its filters, the authorization and the authentication are not wrapped
     * in an observation on every request (a predicate turning those observations off left the wrappers in place). The
     * request's own metrics (http.server.requests) remain. For every chain of every module.
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            LtiLaunchConfigurer lti,
            RelaunchEntryPoint relaunch,
            MessageSource messages,
            ResourceUrlProvider assetUrls,
            TutorInvitations invitations,
            TutorAudit tutorAudit,
            fr.cqpi.shared.StandalonePages pages,
            org.springframework.web.servlet.LocaleResolver locales)
            throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/",
                                "/lti/**",
                                "/.well-known/**",
                                "/actuator/health/**",
                                "/error",
                                "/webjars/**",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/favicon.ico",
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/verify/**",
                                "/tutor/**")
                        .permitAll()
                        .requestMatchers("/app/**", "/api/**")
                        .hasAuthority("ROLE_LTI")
                        .anyRequest()
                        .denyAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(relaunch))
                // A tutor signed in outside the LMS signs out (a shared phone); a launch has nothing to sign out of.
                .logout(logout -> logout.logoutUrl("/tutor/sign-out")
                        .addLogoutHandler((request, response, authentication) -> {
                            var session = request.getSession(false);
                            if (session != null
                                    && session.getAttribute(InvitedTutorSession.ATTRIBUTE)
                                            instanceof InvitedTutorSession tutor) {
                                tutorAudit.record(tutor.invitationId(), tutor.sub(), "SIGN_OUT", null);
                            }
                        })
                        .logoutSuccessUrl("/tutor/signed-out"))
                .headers(FramedPageHeaders.headers())
                .with(lti, Customizer.withDefaults())
                .addFilterAfter(new FingerprintedLinks(assetUrls), DisableEncodeUrlFilter.class)
                .addFilterAfter(
                        new StaleLaunchGuard(messages),
                        org.springframework.security.web.access.intercept.AuthorizationFilter.class)
                .addFilterAfter(
                        new InvitedTutorGuard(invitations, tutorAudit, pages, locales),
                        org.springframework.security.web.access.intercept.AuthorizationFilter.class);
        return http.build();
    }
}
