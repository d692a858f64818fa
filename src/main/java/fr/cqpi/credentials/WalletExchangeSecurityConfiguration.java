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
 * The wallet exchange endpoint is called by a wallet app with no session and no cookie: POST only, no CSRF token
 * (there is no ambient authority to forge — the one-time challenge inside the signed presentation is the
 * authorisation, checked by {@link WalletHandover}), no session created; any other method 405. Ordered before the
 * read-only chain of {@code /credentials/**}.
 */
@Configuration(proxyBeanMethods = false)
class WalletExchangeSecurityConfiguration {

    @Bean
    @Order(0)
    SecurityFilterChain walletExchangeChain(HttpSecurity http) throws Exception {
        CorsConfiguration cors = new CorsConfiguration();
        cors.addAllowedOrigin("*");
        cors.setAllowedMethods(List.of("POST"));
        cors.setAllowedHeaders(List.of(HttpHeaders.CONTENT_TYPE));
        cors.setAllowCredentials(false);
        UrlBasedCorsConfigurationSource corsSource = new UrlBasedCorsConfigurationSource();
        corsSource.registerCorsConfiguration(WalletHandover.EXCHANGES_PATH + "**", cors);
        http.securityMatcher(WalletHandover.EXCHANGES_PATH + "**")
                .authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.POST)
                        .permitAll()
                        .requestMatchers(HttpMethod.OPTIONS)
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
                    response.setHeader(HttpHeaders.ALLOW, "POST");
                }));
        return http.build();
    }
}
