package fr.cqpi.lti;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.HttpSessionIdResolver;

/**
 * Sessions live in PostgreSQL (Spring Session JDBC), so any instance serves any request; the cookie is
 * written by {@link SessionCookieSerializer}, and {@link LaunchSessionIdResolver} finds the session without it.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    static final String COOKIE_NAME = "CQPI_SESSION";

    @Bean
    HttpSessionIdResolver httpSessionIdResolver(SessionHandover handover) {
        CookieHttpSessionIdResolver cookies = new CookieHttpSessionIdResolver();
        cookies.setCookieSerializer(new SessionCookieSerializer(COOKIE_NAME));
        return new LaunchSessionIdResolver(cookies, handover);
    }
}
