package fr.cqpi.framework;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import tools.jackson.databind.ObjectMapper;

/**
 * The CASE endpoints and the Moodle export ({@code /frameworks/}) are public and read-only: GET (and HEAD) for anyone, from any origin (CORS, no credentials), no
 * session, no login; any other method is refused with 405 before it reaches a controller.
 */
@Configuration(proxyBeanMethods = false)
class CaseSecurityConfiguration {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Bean
    @Order(1)
    SecurityFilterChain caseChain(HttpSecurity http) throws Exception {
        CorsConfiguration cors = new CorsConfiguration();
        cors.addAllowedOrigin("*");
        cors.setAllowedMethods(List.of("GET", "HEAD"));
        cors.setAllowCredentials(false);
        UrlBasedCorsConfigurationSource corsSource = new UrlBasedCorsConfigurationSource();
        corsSource.registerCorsConfiguration(CaseFramework.PATH + "/**", cors);
        corsSource.registerCorsConfiguration("/frameworks/**", cors);
        http.securityMatcher(CaseFramework.PATH + "/**", "/frameworks/**")
                .authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.GET)
                        .permitAll()
                        .requestMatchers(HttpMethod.HEAD)
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .cors(c -> c.configurationSource(corsSource))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .anonymous(anonymous -> {})
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, denied) -> {
                    response.setStatus(405);
                    response.setHeader(HttpHeaders.ALLOW, "GET, HEAD");
                    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                    response.setCharacterEncoding("UTF-8");
                    response.getWriter()
                            .write(JSON.writeValueAsString(
                                    CaseController.statusInfo("forbidden", "Read-only: GET only")));
                }));
        return http.build();
    }
}
