package fr.cqpi.framework;

import fr.cqpi.shared.PublicEndpoints;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
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
        return PublicEndpoints.open(
                        http,
                        List.of(HttpMethod.GET, HttpMethod.HEAD),
                        List.of(CaseFramework.PATH + "/**", "/frameworks/**"),
                        response -> {
                            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                            response.setCharacterEncoding("UTF-8");
                            response.getWriter()
                                    .write(JSON.writeValueAsString(
                                            CaseController.statusInfo("forbidden", "Read-only: GET only")));
                        })
                .build();
    }
}
