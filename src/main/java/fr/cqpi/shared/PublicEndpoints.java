package fr.cqpi.shared;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * A security chain for URLs that anyone may call from any origin without a session or a cookie (the CASE framework,
 * public credentials, the wallet exchange): only the given methods, CORS without credentials, no session, no CSRF
 * token (there is no ambient authority to forge); any other method is answered 405 with {@code Allow} before it
 * reaches a controller.
 */
public final class PublicEndpoints {

    /** Writes more of a refusal's answer, after its status and {@code Allow} header. */
    @FunctionalInterface
    public interface RefusalBody {
        void write(HttpServletResponse response) throws IOException;
    }

    private PublicEndpoints() {}

    public static HttpSecurity open(HttpSecurity http, List<HttpMethod> methods, List<String> paths) throws Exception {
        return open(http, methods, paths, response -> {});
    }

    public static HttpSecurity open(HttpSecurity http, List<HttpMethod> methods, List<String> paths, RefusalBody body)
            throws Exception {
        List<String> names = methods.stream().map(HttpMethod::name).toList();
        CorsConfiguration cors = new CorsConfiguration();
        cors.addAllowedOrigin("*");
        cors.setAllowedMethods(names);
        cors.setAllowedHeaders(List.of(HttpHeaders.CONTENT_TYPE));
        cors.setAllowCredentials(false);
        UrlBasedCorsConfigurationSource corsSource = new UrlBasedCorsConfigurationSource();
        paths.forEach(path -> corsSource.registerCorsConfiguration(path, cors));
        String allow = names.stream().collect(Collectors.joining(", "));
        return http.securityMatcher(paths.toArray(String[]::new))
                .authorizeHttpRequests(auth -> {
                    methods.forEach(method -> auth.requestMatchers(method).permitAll());
                    auth.anyRequest().denyAll();
                })
                .cors(c -> c.configurationSource(corsSource))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .anonymous(anonymous -> {})
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, denied) -> {
                    response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
                    response.setHeader(HttpHeaders.ALLOW, allow);
                    body.write(response);
                }));
    }
}
