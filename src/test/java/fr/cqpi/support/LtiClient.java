package fr.cqpi.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser, as far as the LTI flow goes: real HTTP to the tool, its own cookie jar, no automatic
 * redirects, so that each step of the launch can be looked at.
 */
public final class LtiClient {

    private final String toolBase;
    private final HttpClient http;
    private final CookieManager cookies;

    public LtiClient(int port) {
        this(port, new CookieManager());
    }

    private LtiClient(int port, CookieManager cookies) {
        this.toolBase = "http://localhost:" + port;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The same browser (same cookies) talking to another instance of the tool. */
    public LtiClient onPort(int otherPort) {
        return new LtiClient(otherPort, cookies);
    }

    /** The authorization request the tool sends the browser to, after login initiation. */
    public record LoginRedirect(int status, String location, Map<String, String> params, String body) {

        public String state() {
            return params.get("state");
        }

        public String nonce() {
            return params.get("nonce");
        }
    }

    public LoginRedirect initiateLogin(TestPlatform platform, String loginHint) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("iss", platform.issuer());
        params.put("login_hint", loginHint);
        params.put("target_link_uri", toolBase + "/app");
        params.put("lti_message_hint", "hint-" + loginHint);
        params.put("client_id", platform.clientId());
        params.put("lti_deployment_id", platform.deploymentId());
        return initiateLogin(params);
    }

    public LoginRedirect initiateLogin(Map<String, String> params) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(toolBase + "/lti/login?" + form(params)))
                .GET());
        String location = response.headers().firstValue("Location").orElse(null);
        return new LoginRedirect(
                response.statusCode(), location, location == null ? Map.of() : query(location), response.body());
    }

    public HttpResponse<String> postLaunch(String idToken, String state) {
        Map<String, String> params = new HashMap<>();
        if (idToken != null) {
            params.put("id_token", idToken);
        }
        if (state != null) {
            params.put("state", state);
        }
        return send(HttpRequest.newBuilder(URI.create(toolBase + "/lti/launch"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params))));
    }

    /** Login initiation, then the platform's answer signed with these claims (nonce filled in). */
    public HttpResponse<String> launch(
            TestPlatform platform,
            String loginHint,
            java.util.function.Function<String, Map<String, Object>> claimsForNonce) {
        LoginRedirect redirect = initiateLogin(platform, loginHint);
        if (redirect.status() != 302) {
            throw new AssertionError("login initiation answered " + redirect.status());
        }
        Map<String, Object> claims = claimsForNonce.apply(redirect.nonce());
        // TestPlatform's claims name the tool without its port.
        if ("http://localhost/app".equals(claims.get(TestPlatform.LTI + "target_link_uri"))) {
            claims.put(TestPlatform.LTI + "target_link_uri", toolBase + "/app");
        }
        return postLaunch(platform.sign(claims), redirect.state());
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(toolBase + path)).GET());
    }

    public HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(toolBase + path)).GET();
        headers.forEach(builder::header);
        return send(builder);
    }

    public HttpResponse<String> send(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(toolBase + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(builder::header);
        return send(builder);
    }

    /** The CSRF token and header name a page publishes in its meta tags. */
    public Map<String, String> csrfHeaders(String page) {
        Matcher token =
                Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(page);
        Matcher header = Pattern.compile("<meta name=\"_csrf_header\" content=\"([^\"]+)\"")
                .matcher(page);
        if (!token.find() || !header.find()) {
            throw new AssertionError("no CSRF meta tags on the page");
        }
        return Map.of(header.group(1), token.group(1));
    }

    public void forgetCookies() {
        cookies.getCookieStore().removeAll();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static Map<String, String> query(String url) {
        Map<String, String> params = new LinkedHashMap<>();
        int q = url.indexOf('?');
        if (q < 0) {
            return params;
        }
        for (String pair : url.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }
}
