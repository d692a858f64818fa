package fr.cqpi.lti;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Sessions live in PostgreSQL (Spring Session JDBC), so any instance serves any request;
 * {@link LaunchSessionIdResolver} finds the session without a cookie. The cookie: when the tool is served
 * over HTTPS (by {@code cqpi.base-url}, else by the request) it is {@code SameSite=None; Secure; Partitioned}
 * (CHIPS: partitioned by the LMS's site, so that browsers blocking third-party cookies still keep it inside
 * the LMS iframe, which binds the OIDC state to the browser); over plain HTTP (local demo) browsers refuse
 * {@code SameSite=None}, so it is {@code Lax} and the cookieless handover takes over.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    static final String COOKIE_NAME = "CQPI_SESSION";

    @Bean
    HttpSessionIdResolver httpSessionIdResolver(ToolBaseUrl baseUrl) {
        CookieHttpSessionIdResolver cookies = new CookieHttpSessionIdResolver();
        cookies.setCookieSerializer(cookieSerializer(baseUrl));
        return new LaunchSessionIdResolver(cookies);
    }

    /**
     * Two requests of one session that add the same attribute at once (a page and the requests its scripts make,
     * each creating the CSRF token) would both insert it: the upsert makes the second an update instead of a
     * duplicate-key 500. A request still running on a session a launch has since replaced (the page being left)
     * adds nothing to it: its insert finds no session and writes no row, instead of failing on the foreign key.
     */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionAttributesUpsert() {
        return repository -> repository.setCreateSessionAttributeQuery(CREATE_ATTRIBUTE_OF_A_STANDING_SESSION);
    }

    static final String CREATE_ATTRIBUTE_OF_A_STANDING_SESSION = """
            INSERT INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            SELECT S.PRIMARY_ID, A.NAME, A.BYTES
            FROM (SELECT CAST(? AS CHAR(36)) AS ID, CAST(? AS VARCHAR(200)) AS NAME, CAST(? AS BYTEA) AS BYTES) A
            JOIN %TABLE_NAME% S ON S.PRIMARY_ID = A.ID
            FOR KEY SHARE OF S
            ON CONFLICT (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)
            DO UPDATE SET ATTRIBUTE_BYTES = EXCLUDED.ATTRIBUTE_BYTES
            """;

    /**
     * Spring Session's filter, made again around {@link LastAccessThrottle} and {@link SavedSessionReuse} (a session
     * repository bean of our own would turn Spring Boot's JDBC session configuration off).
     */
    @Bean
    static BeanPostProcessor savedSessionReuse(
            ObjectProvider<JdbcIndexedSessionRepository> jdbc, ObjectProvider<HttpSessionIdResolver> resolver) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof SessionRepositoryFilter<?>) {
                    SessionRepositoryFilter<?> filter = new SessionRepositoryFilter<>(
                            new LastAccessThrottle(new SavedSessionReuse<>(jdbc.getObject())));
                    filter.setHttpSessionIdResolver(resolver.getObject());
                    return filter;
                }
                return bean;
            }
        };
    }

    @Bean
    FilterRegistrationBean<SavedSessionReuse.Scope> savedSessionReuseScope() {
        FilterRegistrationBean<SavedSessionReuse.Scope> registration =
                new FilterRegistrationBean<>(new SavedSessionReuse.Scope());
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        return registration;
    }

    /** Right after Spring Session's filter, so that the handed-over session is the one every later filter sees. */
    @Bean
    FilterRegistrationBean<HandoverExchangeFilter> handoverExchangeFilter(
            SessionHandover handover, LaunchRefusalPage refusalPage) {
        FilterRegistrationBean<HandoverExchangeFilter> registration =
                new FilterRegistrationBean<>(new HandoverExchangeFilter(handover, refusalPage));
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
        return registration;
    }

    static CookieSerializer cookieSerializer(ToolBaseUrl baseUrl) {
        DefaultCookieSerializer crossSite = serializer("None");
        crossSite.setUseSecureCookie(true);
        crossSite.setPartitioned(true);
        DefaultCookieSerializer plain = serializer("Lax");
        plain.setUseSecureCookie(false);
        return new CookieSerializer() {
            @Override
            public void writeCookieValue(CookieValue value) {
                (baseUrl.isHttps(value.getRequest()) ? crossSite : plain).writeCookieValue(value);
            }

            @Override
            public List<String> readCookieValues(HttpServletRequest request) {
                return plain.readCookieValues(request);
            }
        };
    }

    private static DefaultCookieSerializer serializer(String sameSite) {
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        serializer.setCookieName(COOKIE_NAME);
        serializer.setCookiePath("/");
        serializer.setUseHttpOnlyCookie(true);
        serializer.setSameSite(sameSite);
        return serializer;
    }
}
