package fr.cqpi.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The tool's own administration, behind a login configured in properties ({@code cqpi.admin.username},
 * {@code cqpi.admin.password}, plain or {@code {bcrypt}…}). LTI sessions never reach it: they carry no
 * ADMIN role. Without a password, administration is closed.
 */
@Configuration(proxyBeanMethods = false)
class AdminSecurityConfiguration {

    @Bean
    UserDetailsService administrators(
            @Value("${cqpi.admin.username:admin}") String username, @Value("${cqpi.admin.password:}") String password) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        if (password != null && !password.isBlank()) {
            String encoded = password.startsWith("{") ? password : "{noop}" + password;
            users.createUser(User.withUsername(username)
                    .password(encoded)
                    .passwordEncoder(p -> p)
                    .roles("ADMIN")
                    .build());
        }
        return users;
    }

    @Bean
    @Order(1)
    SecurityFilterChain adminChain(HttpSecurity http, UserDetailsService administrators) throws Exception {
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
                .logout(logout -> logout.logoutUrl("/admin/logout").logoutSuccessUrl("/admin/login?logout"))
                .headers(headers -> headers.frameOptions(frame -> frame.deny())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; script-src 'self'; style-src 'self'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
