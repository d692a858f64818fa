package fr.cqpi.lti;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 1EdTech LTI Dynamic Registration 1.0: read the platform's OpenID configuration, let the administrator
 * confirm, post the tool's configuration, store the client id and deployment. A failed step stores nothing.
 */
@Service
public class DynamicRegistration {

    private static final Logger log = LoggerFactory.getLogger(DynamicRegistration.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    static final List<String> SCOPES = List.of(
            "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
            "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
            "https://purl.imsglobal.org/spec/lti-ags/scope/score",
            "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly");

    private final JdbcClient jdbc;
    private final PlatformRegistry registry;
    private final LtiProperties properties;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http;

    DynamicRegistration(JdbcClient jdbc, PlatformRegistry registry, LtiProperties properties) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.properties = properties;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.httpTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** A registration step that failed: says which, in words an administrator can act on. */
    public static class RegistrationFailed extends RuntimeException {
        public RegistrationFailed(String message) {
            super(message);
        }
    }

    /** What the administrator confirms. */
    public record Proposal(
            String id,
            String platformName,
            String issuer,
            String productFamily,
            String authorizationEndpoint,
            String tokenEndpoint,
            String jwksUri,
            String registrationEndpoint,
            Map<String, Object> toolConfiguration) {}

    public record Registered(Platform platform, String deploymentId) {}

    /** Step 1: fetch and check the platform's configuration; nothing is registered yet. */
    @Transactional
    public Proposal propose(String openidConfigurationUrl, String registrationToken, String toolBaseUrl) {
        URI configUri;
        try {
            configUri = URI.create(openidConfigurationUrl);
            if (configUri.getHost() == null
                    || !("https".equals(configUri.getScheme()) || "http".equals(configUri.getScheme()))) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RegistrationFailed("openid_configuration is not an http(s) URL");
        }
        JsonNode config = get(openidConfigurationUrl, registrationToken);
        String issuer = text(config, "issuer");
        URI issuerUri = URI.create(issuer);
        if (!configUri.getScheme().equals(issuerUri.getScheme())
                || !configUri.getHost().equalsIgnoreCase(issuerUri.getHost())
                || configUri.getPort() != issuerUri.getPort()) {
            throw new RegistrationFailed(
                    "the platform's issuer (" + issuer + ") is not on the host of its configuration URL ("
                            + configUri.getScheme() + "://" + configUri.getAuthority() + ")");
        }
        for (String field : List.of("authorization_endpoint", "token_endpoint", "jwks_uri", "registration_endpoint")) {
            text(config, field);
        }
        JsonNode platformConfig = config.path("https://purl.imsglobal.org/spec/lti-platform-configuration");
        String id = randomId();
        jdbc.sql("""
                        insert into pending_registration (id, openid_configuration, registration_token, configuration, expires_at)
                        values (:id, :url, :token, :config, :expires)""")
                .param("id", id)
                .param("url", openidConfigurationUrl)
                .param("token", registrationToken)
                .param("config", config.toString())
                .param("expires", Timestamp.from(Instant.now().plus(Duration.ofMinutes(30))))
                .update();
        return new Proposal(
                id,
                platformConfig.path("product_family_code").asText(issuerUri.getHost()),
                issuer,
                platformConfig.path("product_family_code").asText("?"),
                text(config, "authorization_endpoint"),
                text(config, "token_endpoint"),
                text(config, "jwks_uri"),
                text(config, "registration_endpoint"),
                toolConfiguration(toolBaseUrl, config));
    }

    /** Step 2: post the tool's configuration and store what the platform answered. */
    @Transactional
    public Registered confirm(String pendingId, String toolBaseUrl) {
        var pending = jdbc.sql("""
                        delete from pending_registration where id = :id and expires_at > now()
                        returning registration_token, configuration""")
                .param("id", pendingId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .optional()
                .orElseThrow(() -> new RegistrationFailed(
                        "this registration has expired or was already completed; start again from the platform"));
        JsonNode config = parse(pending[1]);
        Map<String, Object> request = toolConfiguration(toolBaseUrl, config);
        JsonNode answer = post(text(config, "registration_endpoint"), pending[0], request);
        String clientId = text(answer, "client_id");
        String deploymentId = answer.path("https://purl.imsglobal.org/spec/lti-tool-configuration")
                .path("deployment_id")
                .asText(null);
        String name = config.path("https://purl.imsglobal.org/spec/lti-platform-configuration")
                .path("product_family_code")
                .asText(URI.create(text(config, "issuer")).getHost());
        Platform platform = registry.upsert(new PlatformDefinition(
                name + " (" + URI.create(text(config, "issuer")).getHost() + ")",
                text(config, "issuer"),
                clientId,
                deploymentId == null ? List.of() : List.of(deploymentId),
                text(config, "authorization_endpoint"),
                text(config, "token_endpoint"),
                text(config, "jwks_uri")));
        log.info("Dynamic registration: platform {} registered with client id {}", platform.id(), clientId);
        return new Registered(platform, deploymentId);
    }

    /** The tool's registration request (LTI Dynamic Registration §3.5), for this platform's messages. */
    Map<String, Object> toolConfiguration(String base, JsonNode platformConfig) {
        Map<String, Object> ltiConfig = new LinkedHashMap<>();
        ltiConfig.put("domain", URI.create(base).getAuthority());
        ltiConfig.put("target_link_uri", base + "/app");
        ltiConfig.put(
                "description",
                "Grille d'évaluation des compétences du CQPI Assistant(e) : jugements par critère observable, résultats par bloc envoyés au carnet de notes.");
        ltiConfig.put("claims", List.of("iss", "sub", "name", "given_name", "family_name", "email", "locale"));
        List<Map<String, Object>> messages = new ArrayList<>();
        messages.add(Map.of(
                "type",
                "LtiResourceLinkRequest",
                "target_link_uri",
                base + "/app",
                "label",
                "CQPI Assistant(e) — grille d'évaluation"));
        messages.add(Map.of(
                "type",
                "LtiDeepLinkingRequest",
                "target_link_uri",
                base + "/app",
                "label",
                "CQPI Assistant(e) — grille ou bloc",
                "placements",
                List.of("ContentArea", "link_selection", "assignment_selection")));
        ltiConfig.put("messages", messages);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("application_type", "web");
        request.put("response_types", List.of("id_token"));
        request.put("grant_types", List.of("implicit", "client_credentials"));
        request.put("initiate_login_uri", base + LtiPaths.LOGIN);
        request.put("redirect_uris", List.of(base + LtiPaths.LAUNCH));
        request.put("client_name", "CQPI Assistant(e) — évaluation des compétences");
        request.put("jwks_uri", base + LtiPaths.JWKS);
        request.put("token_endpoint_auth_method", "private_key_jwt");
        List<String> supported = new ArrayList<>();
        platformConfig.path("scopes_supported").forEach(s -> supported.add(s.asText()));
        request.put(
                "scope",
                String.join(
                        " ",
                        supported.isEmpty()
                                ? SCOPES
                                : SCOPES.stream().filter(supported::contains).toList()));
        request.put("https://purl.imsglobal.org/spec/lti-tool-configuration", ltiConfig);
        return request;
    }

    private JsonNode get(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(properties.httpTimeout())
                .header("Accept", "application/json");
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        return exchange(request.GET().build(), "reading the platform's OpenID configuration");
    }

    private JsonNode post(String url, String token, Map<String, Object> body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(properties.httpTimeout())
                .header("Accept", "application/json")
                .header("Content-Type", "application/json");
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return exchange(
                    request.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                            .build(),
                    "posting the tool's registration");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode exchange(HttpRequest request, String step) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                String body = response.body() == null ? "" : response.body().replaceAll("\\s+", " ");
                throw new RegistrationFailed(step + " failed: HTTP " + response.statusCode()
                        + (body.isBlank() ? "" : " — " + (body.length() > 300 ? body.substring(0, 300) + "…" : body)));
            }
            return parse(response.body());
        } catch (IOException e) {
            throw new RegistrationFailed(step + " failed: " + e.getClass().getSimpleName() + " " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistrationFailed(step + " was interrupted");
        }
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new RegistrationFailed("the platform answered something that is not JSON");
        }
    }

    private static String text(JsonNode node, String field) {
        String value = node.path(field).asText(null);
        if (value == null || value.isBlank()) {
            throw new RegistrationFailed("the platform's answer has no " + field);
        }
        return value;
    }

    private static String randomId() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
