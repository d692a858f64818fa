package fr.cqpi.lti;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 1EdTech LTI Dynamic Registration 1.0, by invitation only: read the platform's OpenID configuration, let
 * the administrator confirm, post the tool's configuration, store the client id and deployment. Nothing is
 * fetched without a usable invitation; calls to the platform run outside any database transaction, follow no
 * redirect, are bounded in time and size; a failed step stores nothing and leaves the invitation unused.
 */
@Service
public class DynamicRegistration {

    private static final Logger log = LoggerFactory.getLogger(DynamicRegistration.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    static final Duration PENDING_LIFETIME = Duration.ofMinutes(30);
    static final List<String> SCOPES = List.of(
            "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
            "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
            "https://purl.imsglobal.org/spec/lti-ags/scope/score",
            "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly");

    private final JdbcClient jdbc;
    private final PlatformRegistry registry;
    private final RegistrationInvitations invitations;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final RegistrationClient client;

    DynamicRegistration(
            JdbcClient jdbc,
            PlatformRegistry registry,
            RegistrationInvitations invitations,
            TransactionTemplate transactions,
            Clock clock,
            LtiProperties properties) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.invitations = invitations;
        this.transactions = transactions;
        this.clock = clock;
        this.client = new RegistrationClient(properties.httpTimeout());
    }

    /**
     * A registration step that failed. {@link #code()} names the reason (message {@code reg.error.<code>});
     * {@link #arguments()} fill it. {@link #status()} is the HTTP status to answer.
     */
    public static class RegistrationFailed extends RuntimeException {
        private final int status;
        private final String code;
        private final transient Object[] arguments;

        RegistrationFailed(int status, String code, Object... arguments) {
            super(code);
            this.status = status;
            this.code = code;
            this.arguments = arguments;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }

        public Object[] arguments() {
            return arguments.clone();
        }
    }

    /** What the administrator confirms. */
    public record Proposal(
            String id,
            String invitation,
            String platformName,
            String issuer,
            String productFamily,
            String authorizationEndpoint,
            String tokenEndpoint,
            String jwksUri,
            String registrationEndpoint,
            ToolRegistrationRequest toolConfiguration) {}

    public record Registered(Platform platform, String deploymentId) {}

    private record Pending(long invitationId, String url, String token, OpenIdConfiguration config) {}

    /** Refuses (403) unless the invitation can still be used. Checked before anything else is done. */
    public long requireInvitation(String invitation) {
        return invitations.usable(invitation).orElseThrow(() -> new RegistrationFailed(403, "invitation"));
    }

    /** Step 1: fetch and check the platform's configuration; nothing is registered yet. */
    public Proposal propose(
            String invitation, String openidConfigurationUrl, String registrationToken, String toolBaseUrl) {
        long invitationId = requireInvitation(invitation);
        URI configUri = RegistrationClient.httpUrl(openidConfigurationUrl)
                .orElseThrow(() -> new RegistrationFailed(400, "notHttp", "openid_configuration"));
        if (registrationToken != null && registrationToken.length() > 8192) {
            throw new RegistrationFailed(400, "tooLong", "registration_token");
        }
        OpenIdConfiguration config = client.get(
                configUri, openidConfigurationUrl, registrationToken, OpenIdConfiguration.class, "configuration");
        check(configUri, config);
        String id = randomId();
        jdbc.sql("""
                        insert into pending_registration
                            (id, invitation_id, openid_configuration, registration_token, configuration, expires_at)
                        values (:id, :invitation, :url, :token, :config, :expires)""")
                .param("id", id)
                .param("invitation", invitationId)
                .param("url", openidConfigurationUrl)
                .param("token", registrationToken)
                .param("config", client.write(config))
                .param("expires", Timestamp.from(clock.instant().plus(PENDING_LIFETIME)))
                .update();
        return new Proposal(
                id,
                invitation,
                platformName(config),
                config.issuer(),
                config.productFamily() == null ? "?" : config.productFamily(),
                config.authorizationEndpoint(),
                config.tokenEndpoint(),
                config.jwksUri(),
                config.registrationEndpoint(),
                toolConfiguration(toolBaseUrl, config));
    }

    /** Step 2: post the tool's configuration and store what the platform answered; consumes the invitation. */
    public Registered confirm(String pendingId, String invitation, String toolBaseUrl) {
        long invitationId = requireInvitation(invitation);
        Pending pending = jdbc.sql("""
                        delete from pending_registration
                        where id = :id and invitation_id = :invitation and expires_at > :now
                        returning invitation_id, openid_configuration, registration_token, configuration""")
                .param("id", pendingId == null ? "" : pendingId)
                .param("invitation", invitationId)
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new Pending(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        client.read(rs.getString(4), OpenIdConfiguration.class, "configuration")))
                .optional()
                .orElseThrow(() -> new RegistrationFailed(400, "expired"));
        OpenIdConfiguration config = pending.config();
        ToolRegistrationRequest request = toolConfiguration(toolBaseUrl, config);
        URI endpoint = RegistrationClient.httpUrl(config.registrationEndpoint()).orElseThrow();
        RegistrationResponse answer =
                client.post(endpoint, pending.token(), request, RegistrationResponse.class, "registration");
        if (answer.clientId() == null
                || answer.clientId().isBlank()
                || answer.clientId().length() > 255) {
            throw new RegistrationFailed(502, "missing", "client_id");
        }
        String deploymentId = answer.deploymentId();
        PlatformDefinition definition = new PlatformDefinition(
                platformName(config) + " (" + URI.create(config.issuer()).getHost() + ")",
                config.issuer(),
                answer.clientId(),
                deploymentId == null ? List.of() : List.of(deploymentId),
                config.authorizationEndpoint(),
                config.tokenEndpoint(),
                config.jwksUri());
        Platform platform = transactions.execute(status -> {
            Platform registered;
            try {
                registered = registry.registerNew(
                        definition, pending.url(), "registration invitation " + pending.invitationId());
            } catch (PlatformRegistry.ConflictException e) {
                status.setRollbackOnly();
                log.warn(
                        "Dynamic registration refused ({}): issuer {}, client id {}, token endpoint {}",
                        e.conflict(),
                        config.issuer(),
                        answer.clientId(),
                        config.tokenEndpoint());
                throw new RegistrationFailed(409, "conflict." + e.conflict().name(), answer.clientId());
            }
            if (!invitations.consume(pending.invitationId(), registered.id())) {
                status.setRollbackOnly();
                throw new RegistrationFailed(403, "invitation");
            }
            return registered;
        });
        log.info(
                "Dynamic registration: platform {} registered with client id {} (invitation {})",
                platform.id(),
                answer.clientId(),
                pending.invitationId());
        return new Registered(platform, deploymentId);
    }

    /** The tool's registration request (LTI Dynamic Registration §3.5), for this platform's messages. */
    ToolRegistrationRequest toolConfiguration(String base, OpenIdConfiguration platformConfig) {
        List<String> supported =
                platformConfig.scopesSupported() == null ? List.of() : platformConfig.scopesSupported();
        String scope = String.join(
                " ",
                supported.isEmpty()
                        ? SCOPES
                        : SCOPES.stream().filter(supported::contains).toList());
        return new ToolRegistrationRequest(
                "web",
                List.of("id_token"),
                List.of("implicit", "client_credentials"),
                base + LtiPaths.LOGIN,
                List.of(base + LtiPaths.LAUNCH),
                "CQPI Assistant(e) — évaluation des compétences",
                base + LtiPaths.JWKS,
                "private_key_jwt",
                scope,
                new ToolRegistrationRequest.ToolConfiguration(
                        URI.create(base).getAuthority(),
                        base + "/app",
                        "Grille d'évaluation des compétences du CQPI Assistant(e) : jugements par critère observable,"
                                + " résultats par bloc envoyés au carnet de notes.",
                        List.of("iss", "sub", "name", "given_name", "family_name", "email", "locale"),
                        List.of(
                                new ToolRegistrationRequest.Message(
                                        "LtiResourceLinkRequest",
                                        base + "/app",
                                        "CQPI Assistant(e) — grille d'évaluation",
                                        null),
                                new ToolRegistrationRequest.Message(
                                        "LtiDeepLinkingRequest",
                                        base + "/app",
                                        "CQPI Assistant(e) — grille ou bloc",
                                        List.of("ContentArea", "link_selection", "assignment_selection")))));
    }

    /** The configuration must name every endpoint as an http(s) URL, with the issuer on its own origin. */
    private static void check(URI configUri, OpenIdConfiguration config) {
        URI issuer = RegistrationClient.httpUrl(config.issuer())
                .orElseThrow(() -> new RegistrationFailed(502, "missing", "issuer"));
        if (!configUri.getScheme().equals(issuer.getScheme())
                || !configUri.getHost().equalsIgnoreCase(issuer.getHost())
                || configUri.getPort() != issuer.getPort()) {
            throw new RegistrationFailed(
                    502,
                    "issuerMismatch",
                    config.issuer(),
                    configUri.getScheme() + "://" + configUri.getRawAuthority());
        }
        record Field(String name, String value) {}
        for (Field field : List.of(
                new Field("authorization_endpoint", config.authorizationEndpoint()),
                new Field("token_endpoint", config.tokenEndpoint()),
                new Field("jwks_uri", config.jwksUri()),
                new Field("registration_endpoint", config.registrationEndpoint()))) {
            if (RegistrationClient.httpUrl(field.value()).isEmpty()
                    || field.value().length() > 2048) {
                throw new RegistrationFailed(502, "missing", field.name());
            }
        }
    }

    private static String platformName(OpenIdConfiguration config) {
        String family = config.productFamily();
        String name = family != null ? family : URI.create(config.issuer()).getHost();
        return name.length() > 100 ? name.substring(0, 100) : name;
    }

    private static String randomId() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
