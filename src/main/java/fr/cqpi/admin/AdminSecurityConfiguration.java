package fr.cqpi.admin;

import fr.cqpi.web.FingerprintedLinks;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The tool's own administration, behind the logins of {@link AdminAccounts} (PostgreSQL, bcrypt); the first is the
 * one configured in properties ({@code cqpi.admin.username}, {@code cqpi.admin.password}, {@code {bcrypt}…}
 * recommended). LTI sessions never reach it: they carry no ADMIN role. Without a configured password and no account,
 * administration is closed. Failed logins are throttled
 * ({@link AdminLoginThrottle}). The admin API ({@code /admin/api/**}) takes HTTP Basic only, with no session
 * and so no cookie a cross-site request could ride on.
 */
@Configuration(proxyBeanMethods = false)
class AdminSecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AdminSecurityConfiguration.class);

    @Bean
    AdminAccounts administrators(
            @Value("${cqpi.admin.username:admin}") String username,
            @Value("${cqpi.admin.password:}") String password,
            Environment environment,
            JdbcClient jdbc) {
        if (password != null && !password.isBlank()) {
            boolean encoded = password.startsWith("{");
            if ((!encoded || password.startsWith("{noop}"))
                    && !Arrays.asList(environment.getActiveProfiles()).contains("demo")) {
                log.warn(
                        "cqpi.admin.password is in plain text: give a {bcrypt} hash instead"
                                + " (for instance: htpasswd -bnBC 12 '' 'the password' | tr -d ':\\n', then prefix it with {bcrypt})");
            }
        }
        return new AdminAccounts(jdbc, username, password);
    }

    @Bean
    @Order(0)
    SecurityFilterChain adminApiChain(HttpSecurity http, UserDetailsService administrators, AdminLoginThrottle throttle)
            throws Exception {
        http.securityMatcher("/admin/api/**")
                .userDetailsService(administrators)
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole("ADMIN"))
                .httpBasic(basic -> basic.realmName("cqpi-admin"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(throttle.filter(), BasicAuthenticationFilter.class)
                .headers(headers -> headers.frameOptions(frame -> frame.deny()));
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain adminChain(
            HttpSecurity http,
            UserDetailsService administrators,
            AdminLoginThrottle throttle,
            ResourceUrlProvider assetUrls)
            throws Exception {
        http.securityMatcher("/admin/**")
                .userDetailsService(administrators)
                .authorizeHttpRequests(auth -> auth.requestMatchers("/admin/login")
                        .permitAll()
                        .anyRequest()
                        .hasRole("ADMIN"))
                .formLogin(form -> form.loginPage("/admin/login")
                        .loginProcessingUrl("/admin/login")
                        .defaultSuccessUrl("/admin", true)
                        .failureUrl("/admin/login?error"))
                .addFilterBefore(throttle.filter(), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new FingerprintedLinks(assetUrls), DisableEncodeUrlFilter.class)
                .logout(logout -> logout.logoutUrl("/admin/logout").logoutSuccessUrl("/admin/login?logout"))
                .headers(headers -> headers.frameOptions(frame -> frame.deny())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; script-src 'self'; style-src 'self'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
