package fr.cqpi.lti;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;

/**
 * Sessions live in PostgreSQL (Spring Session JDBC), so any instance serves any request. Over HTTPS the
 * cookie is {@code SameSite=None; Secure} so that it works inside an LMS iframe; over plain HTTP
 * (local demo) browsers refuse that, so it is {@code Lax} and the cookieless handover takes over.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    static final String COOKIE_NAME = "CQPI_SESSION";

    @Bean
    HttpSessionIdResolver httpSessionIdResolver(SessionHandover handover) {
        CookieHttpSessionIdResolver cookies = new CookieHttpSessionIdResolver();
        cookies.setCookieSerializer(cookieSerializer());
        return new LaunchSessionIdResolver(cookies, handover);
    }

    private static CookieSerializer cookieSerializer() {
        DefaultCookieSerializer secure = serializer("None");
        DefaultCookieSerializer plain = serializer("Lax");
        return new CookieSerializer() {
            @Override
            public void writeCookieValue(CookieValue value) {
                (value.getRequest().isSecure() ? secure : plain).writeCookieValue(value);
            }

            @Override
            public java.util.List<String> readCookieValues(jakarta.servlet.http.HttpServletRequest request) {
                return plain.readCookieValues(request);
            }
        };
    }

    private static DefaultCookieSerializer serializer(String sameSite) {
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        serializer.setCookieName(COOKIE_NAME);
        serializer.setSameSite(sameSite);
        serializer.setUseHttpOnlyCookie(true);
        serializer.setCookiePath("/");
        return serializer;
    }
}
