package fr.cqpi.lti;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The platforms and deployments the tool accepts launches from: who may define, register, change or delete one
 * (every change audited), and how a launch finds its platform. The rows are {@link PlatformTable}'s.
 */
@NamedInterface("platforms")
@Service
public class PlatformRegistry {

    private static final Logger log = LoggerFactory.getLogger(PlatformRegistry.class);

    private final PlatformTable table;
    private final PlatformServiceOrigins origins;
    private final PlatformAudit audit;

    PlatformRegistry(PlatformTable table, PlatformServiceOrigins origins, PlatformAudit audit) {
        this.table = table;
        this.origins = origins;
        this.audit = audit;
    }

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
        Optional<Long> deleted = table.deleted(definition.issuer(), definition.clientId());
        if (deleted.isPresent() && !restoreDeleted) {
            log.warn(
                    "Platform {} ({}, client id {}) was deleted in the administration: not restored from the"
                            + " configuration; save it again in /admin to bring it back",
                    deleted.get(),
                    definition.issuer(),
                    definition.clientId());
            return findById(deleted.get()).orElseThrow();
        }
        if (deleted.isPresent()) {
            Platform before = findById(deleted.get()).orElseThrow();
            table.restore(before.id());
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
        long id = table.insert(definition, null).orElseThrow();
        addDeployments(id, definition);
        origins.store(id, definition);
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
        if (table.tokenEndpointTaken(definition.tokenEndpoint(), definition.clientId())) {
            throw new ConflictException(Conflict.SAME_TOKEN_ENDPOINT_AND_CLIENT_ID);
        }
        long id = table.insert(definition, openidConfigurationUrl)
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

    private void addDeployments(long id, PlatformDefinition definition) {
        definition.deploymentIds().forEach(d -> addDeployment(id, d));
    }

    /**
     * Where a platform's bearer token may go: the origins of its issuer, token endpoint and OpenID configuration
     * (dynamic registration), and those its administrator added.
     */
    public Set<String> serviceOrigins(Platform platform) {
        return origins.of(platform);
    }

    /** The origins the administrator added to a platform. */
    public List<String> addedServiceOrigins(long platformId) {
        return origins.added(platformId);
    }

    /**
     * The administrator's origins for a platform (replacing those stored).
     * @return the first origin that is not one (http(s)://host[:port], no path), or null when stored
     */
    @Transactional
    public String setServiceOrigins(long id, List<String> origins, String actor) {
        Platform platform = findById(id).orElseThrow(() -> new IllegalArgumentException("no platform " + id));
        return this.origins.set(platform, origins, actor);
    }

    /** The OpenID configuration URL a platform was dynamically registered from (for its service origins). */
    public Optional<String> openidConfigurationUrl(long platformId) {
        return table.openidConfigurationUrl(platformId);
    }

    public Optional<Platform> findById(long id) {
        return table.find(id);
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
        Optional<Platform> known = PlatformRequestMemo.known(id);
        if (known.isPresent()) {
            return known;
        }
        Optional<Platform> platform = findById(id);
        platform.ifPresent(PlatformRequestMemo::remember);
        return platform;
    }

    /**
     * The platform this request's launch or login initiation was found to come from, if it got that far (for the
     * launch log).
     */
    Optional<Platform> seenInRequest(HttpServletRequest request) {
        return PlatformRequestMemo.seenIn(request);
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
        boolean deleted = table.markDeleted(id);
        if (deleted) {
            audit.record(id, actor, "DELETED", before, findById(id).orElseThrow());
        }
        return deleted;
    }

    /**
     * The platform a login initiation names. {@code client_id} is optional in LTI 1.3 login
     * initiation; without it the issuer must identify a single registration.
     */
    public Optional<Platform> findForLogin(String issuer, String clientId) {
        Optional<Platform> found;
        if (clientId != null && !clientId.isBlank()) {
            found = table.find(issuer, clientId);
        } else {
            List<Platform> candidates = table.ofIssuer(issuer);
            found = candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
        }
        found.ifPresent(PlatformRequestMemo::remember);
        return found;
    }

    public List<Platform> all() {
        return table.all();
    }

    public boolean isDeploymentActive(long platformId, String deploymentId) {
        return table.isDeploymentActive(platformId, deploymentId);
    }

    public List<String> deploymentIds(long platformId) {
        return table.deploymentIds(platformId);
    }

    @Transactional
    public void update(long id, PlatformDefinition definition, String actor) {
        Platform before = findById(id).orElseThrow(() -> new IllegalArgumentException("no platform " + id));
        table.update(id, definition);
        addDeployments(id, definition);
        origins.store(id, definition);
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
        table.setEnabled(id, enabled);
        audit.record(
                id,
                actor,
                enabled ? "ENABLED" : "DISABLED",
                before,
                findById(id).orElseThrow());
    }

    public void addDeployment(long platformId, String deploymentId) {
        table.addDeployment(platformId, deploymentId);
    }

    public void setDeploymentEnabled(long platformId, String deploymentId, boolean enabled) {
        table.setDeploymentEnabled(platformId, deploymentId, enabled);
    }

    /** For the administrator: each platform with its deployments and last launch. */
    public List<PlatformOverview> overview() {
        return all().stream()
                .map(p -> new PlatformOverview(
                        p, deploymentIds(p.id()), table.disabledDeploymentIds(p.id()), table.lastLaunch(p.id())))
                .toList();
    }
}
