package fr.cqpi.lti;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The session cookie. Over HTTPS it is {@code SameSite=None; Secure; Partitioned}: partitioned (CHIPS) by the
 * LMS's site, so that browsers that block third-party cookies (Chrome, Edge, Firefox) still keep it inside the
 * LMS iframe, which binds the OIDC state to the browser. Over plain HTTP (local demo) browsers refuse
 * {@code SameSite=None}, so it is {@code Lax} and the cookieless handover takes over.
 */
class SessionCookieSerializer implements CookieSerializer {

    private final String name;
    private final DefaultCookieSerializer reader = new DefaultCookieSerializer();
    private final DefaultCookieSerializer plain = new DefaultCookieSerializer();

    SessionCookieSerializer(String name) {
        this.name = name;
        for (DefaultCookieSerializer serializer : List.of(reader, plain)) {
            serializer.setCookieName(name);
            serializer.setCookiePath("/");
            serializer.setUseHttpOnlyCookie(true);
            serializer.setSameSite("Lax");
        }
    }

    @Override
    public void writeCookieValue(CookieValue value) {
        HttpServletRequest request = value.getRequest();
        if (!request.isSecure()) {
            plain.writeCookieValue(value);
            return;
        }
        String id = value.getCookieValue();
        StringBuilder cookie = new StringBuilder(name).append('=');
        if (id != null && !id.isEmpty()) {
            cookie.append(Base64.getEncoder().encodeToString(id.getBytes(StandardCharsets.UTF_8)));
        }
        cookie.append("; Path=/");
        int maxAge = id == null || id.isEmpty() ? 0 : value.getCookieMaxAge();
        if (maxAge >= 0) {
            cookie.append("; Max-Age=").append(maxAge);
        }
        cookie.append("; Secure; HttpOnly; SameSite=None; Partitioned");
        HttpServletResponse response = value.getResponse();
        response.addHeader("Set-Cookie", cookie.toString());
    }

    @Override
    public List<String> readCookieValues(HttpServletRequest request) {
        return reader.readCookieValues(request);
    }
}
