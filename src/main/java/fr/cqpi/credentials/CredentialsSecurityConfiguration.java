package fr.cqpi.credentials;

import fr.cqpi.shared.PublicEndpoints;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The public credential URLs are read-only and need no login: GET and HEAD for anyone, from any origin (wallets and
 * verifiers fetch credentials, status lists and keys cross-origin; no cookies), no session; any other method 405.
 */
@Configuration(proxyBeanMethods = false)
class CredentialsSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain credentialsChain(HttpSecurity http) throws Exception {
        return PublicEndpoints.open(
                        http, List.of(HttpMethod.GET, HttpMethod.HEAD), List.of(CredentialsController.PATH + "/**"))
                .build();
    }
}
