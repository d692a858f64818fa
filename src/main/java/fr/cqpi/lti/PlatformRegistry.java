package fr.cqpi.lti;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** The platforms and deployments the tool accepts launches from, kept in PostgreSQL. */
@NamedInterface("platforms")
@Service
public class PlatformRegistry {

    private static final RowMapper<Platform> PLATFORM = (rs, n) -> new Platform(
            rs.getLong("id"),
            rs.getString("name"),
            rs.getString("issuer"),
            rs.getString("client_id"),
            rs.getString("authorization_endpoint"),
            rs.getString("token_endpoint"),
            rs.getString("jwks_uri"),
            rs.getBoolean("enabled"));

    private static final String MEMO = PlatformRegistry.class.getName() + ".platform.";

    private final JdbcClient jdbc;
    private final PlatformAudit audit;

    PlatformRegistry(JdbcClient jdbc, PlatformAudit audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** An administrator's definition (admin page, platforms file, demo): creates or updates, audited. */
    /**
     * The configuration's definition (platforms file, demo, at each start): a platform the administrator deleted
     * stays deleted (a warning says so); saving it in the administration brings it back.
     */
    @Transactional
    public Platform upsert(PlatformDefinition definition) {
        return upsert(definition, "configuration", false);
    }

    /** The administrator's definition: creates, updates, or brings back a deleted platform, audited. */
    @Transactional
    public Platform upsert(PlatformDefinition definition, String actor) {
        return upsert(definition, actor, true);
    }

    private Platform upsert(PlatformDefinition definition, String actor, boolean restoreDeleted) {
        Optional<Long> deleted = jdbc.sql("""
                        select id from platform
                        where issuer = :issuer and client_id = :clientId and deleted_at is not null""")
                .param("issuer", definition.issuer())
                .param("clientId", definition.clientId())
                .query(Long.class)
                .optional();
        if (deleted.isPresent() && !restoreDeleted) {
            org.slf4j.LoggerFactory.getLogger(PlatformRegistry.class)
                    .warn(
                            "Platform {} ({}, client id {}) was deleted in the administration: not restored from the"
                                    + " configuration; save it again in /admin to bring it back",
                            deleted.get(),
                            definition.issuer(),
                            definition.clientId());
            return findById(deleted.get()).orElseThrow();
        }
        if (deleted.isPresent()) {
            Platform before = findById(deleted.get()).orElseThrow();
            jdbc.sql("update platform set deleted_at = null, enabled = true, updated_at = now() where id = :id")
                    .param("id", before.id())
                    .update();
            audit.record(
                    before.id(),
                    actor,
                    "RESTORED",
                    before,
                    findById(before.id()).orElseThrow());
        }
        Optional<Platform> before = findForLogin(definition.issuer(), definition.clientId());
        if (before.isPresent()) {
            update(before.get().id(), definition, actor);
            return findById(before.get().id()).orElseThrow();
        }
        long id = insert(definition, null).orElseThrow();
        addDeployments(id, definition);
        storeServiceOrigins(id, definition);
        Platform created = findById(id).orElseThrow();
        audit.record(id, actor, "CREATED", null, created);
        return created;
    }

    /** Why a dynamic registration cannot be stored. */
    public enum Conflict {
        SAME_ISSUER_AND_CLIENT_ID,
        SAME_TOKEN_ENDPOINT_AND_CLIENT_ID
    }

    /**
     * A platform registered by dynamic registration. Never overwrites: an existing issuer + client id, or a
     * token endpoint + client id already registered under another platform, is refused (changing a
     * platform's endpoints or keys is the administrator's, audited).
     */
    @Transactional
    public Platform registerNew(PlatformDefinition definition, String openidConfigurationUrl, String actor)
            throws ConflictException {
        if (jdbc.sql("select count(*) from platform where token_endpoint = :token and client_id = :client")
                        .param("token", definition.tokenEndpoint())
                        .param("client", definition.clientId())
                        .query(Long.class)
                        .single()
                > 0) {
            throw new ConflictException(Conflict.SAME_TOKEN_ENDPOINT_AND_CLIENT_ID);
        }
        long id = insert(definition, openidConfigurationUrl)
                .orElseThrow(() -> new ConflictException(Conflict.SAME_ISSUER_AND_CLIENT_ID));
        addDeployments(id, definition);
        Platform created = findById(id).orElseThrow();
        audit.record(id, actor, "REGISTERED", null, created);
        return created;
    }

    public static final class ConflictException extends Exception {
        private final Conflict conflict;

        ConflictException(Conflict conflict) {
            super(conflict.name());
            this.conflict = conflict;
        }

        public Conflict conflict() {
            return conflict;
        }
    }

    private Optional<Long> insert(PlatformDefinition definition, String openidConfigurationUrl) {
        return jdbc.sql("""
                        insert into platform (name, issuer, client_id, authorization_endpoint, token_endpoint, jwks_uri,
                            openid_configuration_url)
                        values (:name, :issuer, :clientId, :auth, :token, :jwks, :config)
                        on conflict (issuer, client_id) do nothing
                        returning id""")
                .param("name", definition.name())
                .param("issuer", definition.issuer())
                .param("clientId", definition.clientId())
                .param("auth", definition.authorizationEndpoint())
                .param("token", definition.tokenEndpoint())
                .param("jwks", definition.jwksUri())
                .param("config", openidConfigurationUrl)
                .query(Long.class)
                .optional();
    }

    private void addDeployments(long id, PlatformDefinition definition) {
        definition.deploymentIds().forEach(d -> addDeployment(id, d));
    }

    /**
     * Where a platform's bearer token may go: the origins of its issuer, token endpoint and OpenID configuration
     * (dynamic registration), and those its administrator added.
     */
    public java.util.Set<String> serviceOrigins(Platform platform) {
        java.util.Set<String> origins = new java.util.LinkedHashSet<>();
        ServiceOrigins.of(platform.issuer()).ifPresent(origins::add);
        ServiceOrigins.of(platform.tokenEndpoint()).ifPresent(origins::add);
        openidConfigurationUrl(platform.id()).flatMap(ServiceOrigins::of).ifPresent(origins::add);
        addedServiceOrigins(platform.id()).forEach(o -> ServiceOrigins.of(o).ifPresent(origins::add));
        return origins;
    }

    /** The origins the administrator added to a platform. */
    public List<String> addedServiceOrigins(long platformId) {
        return jdbc.sql("select unnest(service_origins) from platform where id = :id")
                .param("id", platformId)
                .query(String.class)
                .list();
    }

    /**
     * The administrator's origins for a platform (replacing those stored).
     * @return the first origin that is not one (http(s)://host[:port], no path), or null when stored
     */
    @Transactional
    public String setServiceOrigins(long id, List<String> origins, String actor) {
        Platform platform = findById(id).orElseThrow(() -> new IllegalArgumentException("no platform " + id));
        PlatformDefinition definition = new PlatformDefinition(
                platform.name(),
                platform.issuer(),
                platform.clientId(),
                List.of("-"),
                platform.authorizationEndpoint(),
                platform.tokenEndpoint(),
                platform.jwksUri(),
                origins);
        String problem = definition.firstProblem();
        if (problem != null) {
            return problem;
        }
        storeServiceOrigins(id, definition);
        org.slf4j.LoggerFactory.getLogger(PlatformRegistry.class)
                .info("Service origins of platform {} set by {}: {}", id, actor, origins);
        return null;
    }

    private void storeServiceOrigins(long id, PlatformDefinition definition) {
        if (definition.serviceOrigins() == null) {
            return;
        }
        jdbc.sql("update platform set service_origins = cast(:origins as text[]) where id = :id")
                .param("id", id)
                .param(
                        "origins",
                        definition.serviceOrigins().stream()
                                .map(o -> ServiceOrigins.of(o).orElseThrow())
                                .distinct()
                                .toArray(String[]::new))
                .update();
    }

    /** The OpenID configuration URL a platform was dynamically registered from (for its service origins). */
    public Optional<String> openidConfigurationUrl(long platformId) {
        return jdbc.sql("select openid_configuration_url from platform where id = :id")
                .param("id", platformId)
                .query(String.class)
                .optional();
    }

    public Optional<Platform> findById(long id) {
        return jdbc.sql("select * from platform where id = :id")
                .param("id", id)
                .query(PLATFORM)
                .optional();
    }

    /**
     * The platform of a registration id (the one a login's stored state names, {@link Platform#registrationId()}):
     * read once per request.
     */
    public Optional<Platform> findByRegistrationId(String registrationId) {
        if (registrationId == null || !registrationId.startsWith("platform-")) {
            return Optional.empty();
        }
        long id;
        try {
            id = Long.parseLong(registrationId.substring("platform-".length()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        String key = MEMO + id;
        if (request != null && request.getAttribute(key, RequestAttributes.SCOPE_REQUEST) instanceof Platform known) {
            return Optional.of(known);
        }
        Optional<Platform> platform = findById(id);
        platform.ifPresent(this::remember);
        return platform;
    }

    /**
     * The platform this request's launch or login initiation was found to come from, if it got that far (for the
     * launch log).
     */
    Optional<Platform> seenInRequest(jakarta.servlet.http.HttpServletRequest request) {
        if (request.getAttribute(LoginInitiationGuard.PLATFORM_ATTRIBUTE) instanceof Platform platform) {
            return Optional.of(platform);
        }
        java.util.Enumeration<String> names = request.getAttributeNames();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            if (name.startsWith(MEMO) && request.getAttribute(name) instanceof Platform platform) {
                return Optional.of(platform);
            }
        }
        return Optional.empty();
    }

    /**
     * Deletes a platform from the administrator's list: it is disabled (no launch, no grade sent) and hidden, but
     * kept with its courses, judgments and audit trail, which reference it. Saving the same issuer and client_id
     * again brings it back.
     */
    @Transactional
    public boolean delete(long id, String actor) {
        Platform before = findById(id).orElse(null);
        if (before == null) {
            return false;
        }
        int deleted = jdbc.sql("""
                        update platform set deleted_at = now(), enabled = false, updated_at = now()
                        where id = :id and deleted_at is null""").param("id", id).update();
        if (deleted == 1) {
            audit.record(id, actor, "DELETED", before, findById(id).orElseThrow());
        }
        return deleted == 1;
    }

    /** Kept for the rest of the current request (there is none outside a request). */
    private void remember(Platform platform) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(MEMO + platform.id(), platform, RequestAttributes.SCOPE_REQUEST);
        }
    }

    /**
     * The platform a login initiation names. {@code client_id} is optional in LTI 1.3 login
     * initiation; without it the issuer must identify a single registration.
     */
    public Optional<Platform> findForLogin(String issuer, String clientId) {
        Optional<Platform> found;
        if (clientId != null && !clientId.isBlank()) {
            found = jdbc.sql("""
                            select * from platform
                            where issuer = :issuer and client_id = :clientId and deleted_at is null""")
                    .param("issuer", issuer)
                    .param("clientId", clientId)
                    .query(PLATFORM)
                    .optional();
        } else {
            List<Platform> candidates = jdbc.sql("select * from platform where issuer = :issuer and deleted_at is null")
                    .param("issuer", issuer)
                    .query(PLATFORM)
                    .list();
            found = candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
        }
        found.ifPresent(this::remember);
        return found;
    }

    public List<Platform> all() {
        return jdbc.sql("select * from platform where deleted_at is null order by name, id")
                .query(PLATFORM)
                .list();
    }

    public boolean isDeploymentActive(long platformId, String deploymentId) {
        return jdbc.sql("""
                        select count(*) from deployment
                        where platform_id = :platform and deployment_id = :deployment and enabled""")
                        .param("platform", platformId)
                        .param("deployment", deploymentId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public List<String> deploymentIds(long platformId) {
        return jdbc.sql("select deployment_id from deployment where platform_id = :platform order by id")
                .param("platform", platformId)
                .query(String.class)
                .list();
    }

    @Transactional
    public void update(long id, PlatformDefinition definition, String actor) {
        Platform before = findById(id).orElseThrow(() -> new IllegalArgumentException("no platform " + id));
        jdbc.sql("""
                        update platform set name = :name, issuer = :issuer, client_id = :clientId,
                            authorization_endpoint = :auth, token_endpoint = :token, jwks_uri = :jwks, updated_at = now()
                        where id = :id""")
                .param("id", id)
                .param("name", definition.name())
                .param("issuer", definition.issuer())
                .param("clientId", definition.clientId())
                .param("auth", definition.authorizationEndpoint())
                .param("token", definition.tokenEndpoint())
                .param("jwks", definition.jwksUri())
                .update();
        addDeployments(id, definition);
        storeServiceOrigins(id, definition);
        Platform after = findById(id).orElseThrow();
        if (!after.equals(before)) {
            audit.record(id, actor, "UPDATED", before, after);
        }
    }

    public void setEnabled(long id, boolean enabled, String actor) {
        Platform before = findById(id).orElse(null);
        if (before == null || before.enabled() == enabled) {
            return;
        }
        jdbc.sql("update platform set enabled = :enabled, updated_at = now() where id = :id")
                .param("id", id)
                .param("enabled", enabled)
                .update();
        audit.record(
                id,
                actor,
                enabled ? "ENABLED" : "DISABLED",
                before,
                findById(id).orElseThrow());
    }

    public void addDeployment(long platformId, String deploymentId) {
        jdbc.sql("insert into deployment (platform_id, deployment_id) values (:p, :d) on conflict do nothing")
                .param("p", platformId)
                .param("d", deploymentId.strip())
                .update();
    }

    public void setDeploymentEnabled(long platformId, String deploymentId, boolean enabled) {
        jdbc.sql("update deployment set enabled = :enabled where platform_id = :p and deployment_id = :d")
                .param("p", platformId)
                .param("d", deploymentId)
                .param("enabled", enabled)
                .update();
    }

    /** For the administrator: each platform with its deployments and last launch. */
    public record Overview(
            Platform platform,
            List<String> deployments,
            List<String> disabledDeployments,
            java.time.Instant lastLaunch) {}

    public List<Overview> overview() {
        return all().stream()
                .map(p -> new Overview(
                        p,
                        deploymentIds(p.id()),
                        jdbc.sql("select deployment_id from deployment where platform_id = :p and not enabled")
                                .param("p", p.id())
                                .query(String.class)
                                .list(),
                        lastLaunch(p.id())))
                .toList();
    }

    private java.time.Instant lastLaunch(long platformId) {
        List<java.sql.Timestamp> last = jdbc.sql("select last_launch_at from platform where id = :p")
                .param("p", platformId)
                .query(java.sql.Timestamp.class)
                .list();
        return last.isEmpty() || last.get(0) == null ? null : last.get(0).toInstant();
    }
}
