package fr.cqpi.credentials;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The public credential URLs are read-only and need no login: GET and HEAD for anyone, from any origin (wallets and
 * verifiers fetch credentials, status lists and keys cross-origin; no cookies), no session; any other method 405.
 */
@Configuration(proxyBeanMethods = false)
class CredentialsSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain credentialsChain(HttpSecurity http) throws Exception {
        CorsConfiguration cors = new CorsConfiguration();
        cors.addAllowedOrigin("*");
        cors.setAllowedMethods(List.of("GET", "HEAD"));
        cors.setAllowCredentials(false);
        UrlBasedCorsConfigurationSource corsSource = new UrlBasedCorsConfigurationSource();
        corsSource.registerCorsConfiguration(CredentialsController.PATH + "/**", cors);
        http.securityMatcher(CredentialsController.PATH + "/**")
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
                }));
        return http.build();
    }
}
