package fr.cqpi.demo;

import fr.cqpi.shared.FramedPageHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The demo LMS is another platform that happens to share the process: its own filter chain, open to all (its
 * users are fictional), with its OIDC and service endpoints called by the tool and by the browser from the
 * platform's side (no CSRF token there), and pages that frame the tool.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class DemoSecurityConfiguration {

    @Bean
    @Order(2)
    SecurityFilterChain demoLmsFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/demo/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.ignoringRequestMatchers(
                        "/demo/auth", "/demo/token", "/demo/ags/**", "/demo/nrps/**", "/demo/deep-linking-return"))
                .headers(FramedPageHeaders.headers());
        return http.build();
    }
}
