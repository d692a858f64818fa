package fr.cqpi.lti;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code platform} and {@code deployment} rows: every statement on them, none of the rules. */
@Repository
class PlatformTable {

    private static final RowMapper<Platform> PLATFORM = (rs, n) -> new Platform(
            rs.getLong("id"),
            rs.getString("name"),
            rs.getString("issuer"),
            rs.getString("client_id"),
            rs.getString("authorization_endpoint"),
            rs.getString("token_endpoint"),
            rs.getString("jwks_uri"),
            rs.getBoolean("enabled"));

    private final JdbcClient jdbc;

    PlatformTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Platform> find(long id) {
        return jdbc.sql("select * from platform where id = :id")
                .param("id", id)
                .query(PLATFORM)
                .optional();
    }

    Optional<Platform> find(String issuer, String clientId) {
        return jdbc.sql("""
                        select * from platform
                        where issuer = :issuer and client_id = :clientId and deleted_at is null""")
                .param("issuer", issuer)
                .param("clientId", clientId)
                .query(PLATFORM)
                .optional();
    }

    /** The platforms not deleted with this issuer, whatever their client id. */
    List<Platform> ofIssuer(String issuer) {
        return jdbc.sql("select * from platform where issuer = :issuer and deleted_at is null")
                .param("issuer", issuer)
                .query(PLATFORM)
                .list();
    }

    List<Platform> all() {
        return jdbc.sql("select * from platform where deleted_at is null order by name, id")
                .query(PLATFORM)
                .list();
    }

    Optional<Long> deleted(String issuer, String clientId) {
        return jdbc.sql("""
                        select id from platform
                        where issuer = :issuer and client_id = :clientId and deleted_at is not null""")
                .param("issuer", issuer)
                .param("clientId", clientId)
                .query(Long.class)
                .optional();
    }

    boolean tokenEndpointTaken(String tokenEndpoint, String clientId) {
        return jdbc.sql("select count(*) from platform where token_endpoint = :token and client_id = :client")
                        .param("token", tokenEndpoint)
                        .param("client", clientId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The new platform's id; empty when its issuer and client id are taken. */
    Optional<Long> insert(PlatformDefinition definition, String openidConfigurationUrl) {
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

    void update(long id, PlatformDefinition definition) {
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
    }

    void restore(long id) {
        jdbc.sql("update platform set deleted_at = null, enabled = true, updated_at = now() where id = :id")
                .param("id", id)
                .update();
    }

    /** Whether it was not deleted yet. */
    boolean markDeleted(long id) {
        return jdbc.sql("""
                        update platform set deleted_at = now(), enabled = false, updated_at = now()
                        where id = :id and deleted_at is null""").param("id", id).update() == 1;
    }

    void setEnabled(long id, boolean enabled) {
        jdbc.sql("update platform set enabled = :enabled, updated_at = now() where id = :id")
                .param("id", id)
                .param("enabled", enabled)
                .update();
    }

    Optional<String> openidConfigurationUrl(long platformId) {
        return jdbc.sql("select openid_configuration_url from platform where id = :id")
                .param("id", platformId)
                .query(String.class)
                .optional();
    }

    List<String> serviceOrigins(long platformId) {
        return jdbc.sql("select unnest(service_origins) from platform where id = :id")
                .param("id", platformId)
                .query(String.class)
                .list();
    }

    void setServiceOrigins(long platformId, String[] origins) {
        jdbc.sql("update platform set service_origins = cast(:origins as text[]) where id = :id")
                .param("id", platformId)
                .param("origins", origins)
                .update();
    }

    Instant lastLaunch(long platformId) {
        List<Timestamp> last = jdbc.sql("select last_launch_at from platform where id = :p")
                .param("p", platformId)
                .query(Timestamp.class)
                .list();
        return last.isEmpty() || last.get(0) == null ? null : last.get(0).toInstant();
    }

    boolean isDeploymentActive(long platformId, String deploymentId) {
        return jdbc.sql("""
                        select count(*) from deployment
                        where platform_id = :platform and deployment_id = :deployment and enabled""")
                        .param("platform", platformId)
                        .param("deployment", deploymentId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    List<String> deploymentIds(long platformId) {
        return jdbc.sql("select deployment_id from deployment where platform_id = :platform order by id")
                .param("platform", platformId)
                .query(String.class)
                .list();
    }

    List<String> disabledDeploymentIds(long platformId) {
        return jdbc.sql("select deployment_id from deployment where platform_id = :p and not enabled")
                .param("p", platformId)
                .query(String.class)
                .list();
    }

    void addDeployment(long platformId, String deploymentId) {
        jdbc.sql("insert into deployment (platform_id, deployment_id) values (:p, :d) on conflict do nothing")
                .param("p", platformId)
                .param("d", deploymentId.strip())
                .update();
    }

    void setDeploymentEnabled(long platformId, String deploymentId, boolean enabled) {
        jdbc.sql("update deployment set enabled = :enabled where platform_id = :p and deployment_id = :d")
                .param("p", platformId)
                .param("d", deploymentId)
                .param("enabled", enabled)
                .update();
    }
}
