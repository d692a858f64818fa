package fr.cqpi.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
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
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser tab, as far as the LTI flow goes: real HTTP to the tool, its own cookie jar (or none, as in an LMS
 * iframe whose third-party cookies are blocked), its own {@code sessionStorage}, and the scripts of the launch's
 * own pages (login step, handover) played by hand; no automatic redirects, so that each step can be looked at.
 */
public final class LtiClient {

    private static final Pattern DATA = Pattern.compile("data-([a-z]+)=\"([^\"]*)\"");
    private static final Pattern HANDOVER_CODE = Pattern.compile("name=\"handover\" value=\"([^\"]+)\"");
    /** The header by which a page names the launch it was drawn for (StaleLaunchGuard). */
    public static final String LAUNCH_HEADER = "X-CQPI-Launch";

    private static final Pattern LAUNCH_ID = Pattern.compile("<meta name=\"cqpi-launch\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_HEADER = Pattern.compile("<meta name=\"_csrf_header\" content=\"([^\"]+)\"");
    private static final Pattern SESSION_TOKEN = Pattern.compile("<meta name=\"cqpi-session\" content=\"([^\"]+)\"");

    private final String toolBase;
    private final HttpClient http;
    private final CookieManager cookies;
    private final Map<String, String> sessionStorage;

    public LtiClient(int port) {
        this(port, new CookieManager(), new HashMap<>());
    }

    /** A tab that keeps no cookie for the tool (third-party frame in a browser that blocks them). */
    public static LtiClient withoutCookies(int port) {
        return new LtiClient(port, new CookieManager(null, CookiePolicy.ACCEPT_NONE), new HashMap<>());
    }

    private LtiClient(int port, CookieManager cookies, Map<String, String> sessionStorage) {
        this.toolBase = "http://localhost:" + port;
        this.cookies = cookies;
        this.sessionStorage = sessionStorage;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The same tab (same cookies, same storage) talking to another instance of the tool. */
    public LtiClient onPort(int otherPort) {
        return new LtiClient(otherPort, cookies, sessionStorage);
    }

    /** What this tab's {@code sessionStorage} holds for the tool (login-step.js writes it). */
    public Map<String, String> sessionStorage() {
        return sessionStorage;
    }

    /**
     * The authorization request the tool sends the browser to, after login initiation: a redirect, or the tool's
     * login step page (a browser that brings no cookie), whose script goes on to the same URL.
     */
    public record LoginRedirect(int status, String location, Map<String, String> params, String body) {

        /** Whether the browser goes on to the platform (redirect or login step page). */
        public boolean proceeds() {
            return status == 302 || (status == 200 && location != null);
        }

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
        if (response.statusCode() == 200 && response.body().contains("id=\"login-step\"")) {
            // login-step.js: keeps the page secret in this tab's sessionStorage, then goes to the platform.
            Map<String, String> data = dataAttributes(response.body());
            sessionStorage.put("cqpi.launch." + data.get("state"), data.get("secret"));
            location = data.get("url");
        }
        return new LoginRedirect(
                response.statusCode(), location, location == null ? Map.of() : query(location), response.body());
    }

    /** The platform's form post of the id_token, then, when the tool answers with its handover page, its script. */
    public HttpResponse<String> postLaunch(String idToken, String state) {
        HttpResponse<String> response = postLaunchOnly(idToken, state);
        if (response.statusCode() == 200 && response.body().contains("id=\"handover\"")) {
            return finishHandover(response.body());
        }
        return response;
    }

    /** The same launch answer, without playing its handover page's script (what an attacker would keep). */
    public HttpResponse<String> postLaunchOnly(String idToken, String state) {
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

    /** handover.js: posts the page's one-time code with the secret this tab kept since the login step. */
    private HttpResponse<String> finishHandover(String page) {
        String code = handoverCode(page).orElseThrow(() -> new AssertionError("handover page without a code"));
        String state = dataAttributes(page).get("state");
        String secret = sessionStorage.remove("cqpi.launch." + state);
        if (secret == null) {
            throw new AssertionError("this tab holds no secret for the launch's state");
        }
        return postHandover(code, secret);
    }

    /** The one-time code a launch's handover page carries. */
    public static Optional<String> handoverCode(String page) {
        return firstGroup(HANDOVER_CODE, page);
    }

    /** The session a cookieless page carries for the requests it makes ({@code X-CQPI-Session}). */
    public static Optional<String> sessionToken(String page) {
        return firstGroup(SESSION_TOKEN, page);
    }

    private static Optional<String> firstGroup(Pattern pattern, String page) {
        Matcher m = pattern.matcher(page);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The handover exchange itself, as handover.js (or an attacker's page) posts it. */
    public HttpResponse<String> postHandover(String code, String pageSecret) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("handover", code);
        if (pageSecret != null) {
            params.put("page_secret", pageSecret);
        }
        return send(HttpRequest.newBuilder(URI.create(toolBase + "/app"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params))));
    }

    private static Map<String, String> dataAttributes(String page) {
        Map<String, String> data = new HashMap<>();
        Matcher m = DATA.matcher(page);
        while (m.find()) {
            data.put(m.group(1), m.group(2).replace("&amp;", "&"));
        }
        return data;
    }

    /** Login initiation, then the platform's answer signed with these claims (nonce filled in). */
    public HttpResponse<String> launch(
            TestPlatform platform, String loginHint, Function<String, Map<String, Object>> claimsForNonce) {
        LoginRedirect redirect = initiateLogin(platform, loginHint);
        if (!redirect.proceeds()) {
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

    /** A download (a document's PDF), as bytes. */
    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create(toolBase + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> send(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(toolBase + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(builder::header);
        return send(builder);
    }

    /** A request with a binary body (a multipart upload). */
    public HttpResponse<String> send(String method, String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(toolBase + path))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(builder::header);
        return send(builder);
    }

    /** A multipart/form-data body: text fields, then one file part; its Content-Type header in {@code headers}. */
    public static byte[] multipart(
            Map<String, String> fields, String fileName, String fileType, byte[] file, Map<String, String> headers) {
        String boundary = "cqpi-" + UUID.randomUUID();
        headers.put("Content-Type", "multipart/form-data; boundary=" + boundary);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Consumer<String> text = t -> out.writeBytes(t.getBytes(StandardCharsets.UTF_8));
        fields.forEach((name, value) -> text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n"));
        if (file != null) {
            text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: " + fileType + "\r\n\r\n");
            out.writeBytes(file);
            text.accept("\r\n");
        }
        text.accept("--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    /** The headers a page's script sends to the JSON API: the CSRF header of this session, JSON in and out. */
    public Map<String, String> apiHeaders() {
        return with(csrfOf(get("/app").body()), "Content-Type", "application/json", "Accept", "application/json");
    }

    /** The headers htmx sends with a form of the tool's pages: the CSRF header, a form body, HX-Request. */
    public Map<String, String> pageHeaders() {
        return htmxHeaders(get("/app").body());
    }

    /** The headers htmx sends with a form of {@code page}. */
    public static Map<String, String> htmxHeaders(String page) {
        return with(csrfOf(page), "Content-Type", "application/x-www-form-urlencoded", "HX-Request", "true");
    }

    /** The headers of a plain browser form post from {@code page}: its CSRF header, a form body. */
    public static Map<String, String> formHeaders(String page) {
        return with(csrfOf(page), "Content-Type", "application/x-www-form-urlencoded");
    }

    private static Map<String, String> with(Map<String, String> headers, String... namesAndValues) {
        Map<String, String> all = new HashMap<>(headers);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            all.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return all;
    }

    /** A judgment of one criterion through the JSON API; {@code body} from {@link Json#object}, or raw on purpose. */
    public HttpResponse<String> judge(Map<String, String> headers, String learner, String criterion, String body) {
        return send("PUT", "/api/v1/learners/" + learner + "/judgments/" + criterion, body, headers);
    }

    /** The launch a page was drawn for, which app.js sends back with each of the page's requests. */
    public static Optional<String> launchId(String page) {
        return firstGroup(LAUNCH_ID, page);
    }

    /** {@code headers} with the launch header app.js adds to a request of {@code page}. */
    public static Map<String, String> withLaunchOf(String page, Map<String, String> headers) {
        Map<String, String> withLaunch = new HashMap<>(headers);
        withLaunch.put(
                LAUNCH_HEADER, launchId(page).orElseThrow(() -> new AssertionError("no launch meta tag on the page")));
        return withLaunch;
    }

    /** The CSRF token and header name a page publishes in its meta tags. */
    public Map<String, String> csrfHeaders(String page) {
        return csrfOf(page);
    }

    /** The same, for a page however it was fetched. */
    public static Map<String, String> csrfOf(String page) {
        Matcher token = CSRF_TOKEN.matcher(page);
        Matcher header = CSRF_HEADER.matcher(page);
        if (!token.find() || !header.find()) {
            throw new AssertionError("no CSRF meta tags on the page");
        }
        return Map.of(header.group(1), token.group(1));
    }

    /** The value of one of this browser's cookies for the tool, if it holds one. */
    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    public void forgetCookies() {
        cookies.getCookieStore().removeAll();
    }

    /** A new browser profile in the same tab: no cookie, nothing in {@code sessionStorage} (its connections kept). */
    public void forgetEverything() {
        forgetCookies();
        sessionStorage.clear();
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

    /** A form body of the given name, value pairs, in their order. */
    public static String form(String... namesAndValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form(params);
    }

    public static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The decoded query parameters of a URL. */
    public static Map<String, String> queryOf(String url) {
        return query(url);
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
