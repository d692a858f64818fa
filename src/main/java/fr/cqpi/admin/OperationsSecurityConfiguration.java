package fr.cqpi.admin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The operations endpoints ({@code /actuator/metrics}, {@code /actuator/prometheus}) for monitoring, with the
 * tool administrator's credentials over HTTP Basic (a scraper has no browser session); health stays public.
 * Read-only: no session, no CSRF token.
 */
@Configuration(proxyBeanMethods = false)
class OperationsSecurityConfiguration {

    @Bean
    @Order(2)
    SecurityFilterChain operationsChain(HttpSecurity http, UserDetailsService administrators) throws Exception {
        http.securityMatcher("/actuator/metrics", "/actuator/metrics/**", "/actuator/prometheus")
                .userDetailsService(administrators)
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole("ADMIN"))
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }
}
