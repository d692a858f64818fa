package fr.cqpi.credentials;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CredentialRepository {

    private static final String COLUMNS = """
            select id, course_id, learner_id, coalesce(bloc_code, 'CERTIFICATE') as bloc_code, issued_at, json, jwt,
                revoked_at, revocation_reason from credential""";

    private final JdbcClient jdbc;

    CredentialRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record NewCredential(
            UUID id,
            long courseId,
            long learnerId,
            String blocCode,
            Long decisionId,
            String referentielCode,
            int referentielVersion,
            String salt,
            int statusList,
            int statusIndex,
            String json,
            String jwt) {}

    /** The next position in the status lists, never given twice. */
    long nextStatusPosition() {
        return jdbc.sql("select nextval('credential_status_position')")
                .query(Long.class)
                .single();
    }

    boolean issuedFor(long decisionId) {
        return jdbc.sql("select exists (select 1 from credential where decision_id = :decision)")
                .param("decision", decisionId)
                .query(Boolean.class)
                .single();
    }

    boolean standsFor(long courseId, long learnerId, String blocCode) {
        return jdbc.sql("""
                        select exists (select 1 from credential where course_id = :course and learner_id = :learner
                            and bloc_code = :bloc and revoked_at is null)""")
                .param("course", courseId)
                .param("learner", learnerId)
                .param("bloc", blocCode)
                .query(Boolean.class)
                .single();
    }

    /** False when another transaction issued one for the decision or the bloc meanwhile. */
    boolean insert(NewCredential c) {
        return jdbc.sql("""
                        insert into credential (id, kind, course_id, learner_id, bloc_code, decision_id, referentiel_code,
                            referentiel_version, identity_salt, status_list, status_index, json, jwt)
                        values (:id, 'BLOC', :course, :learner, :bloc, :decision, :refCode, :refVersion, :salt, :list,
                            :index, :json, :jwt)
                        on conflict do nothing""")
                        .param("id", c.id())
                        .param("course", c.courseId())
                        .param("learner", c.learnerId())
                        .param("bloc", c.blocCode())
                        .param("decision", c.decisionId())
                        .param("refCode", c.referentielCode())
                        .param("refVersion", c.referentielVersion())
                        .param("salt", c.salt())
                        .param("list", c.statusList())
                        .param("index", c.statusIndex())
                        .param("json", c.json())
                        .param("jwt", c.jwt())
                        .update()
                == 1;
    }

    /** A learner's certificate (CLR) credential in force, if any. */
    boolean certificateStands(long courseId, long learnerId) {
        return jdbc.sql("""
                        select exists (select 1 from credential where course_id = :course and learner_id = :learner
                            and kind = 'CERTIFICATE' and revoked_at is null)""")
                .param("course", courseId)
                .param("learner", learnerId)
                .query(Boolean.class)
                .single();
    }

    /** The JSON of the bloc credentials in force of a learner, by bloc code. */
    Map<String, String> standingBlocJson(long courseId, long learnerId) {
        Map<String, String> json = new LinkedHashMap<>();
        jdbc.sql("""
                        select bloc_code, json from credential where course_id = :course and learner_id = :learner
                            and kind = 'BLOC' and revoked_at is null order by bloc_code""")
                .param("course", courseId)
                .param("learner", learnerId)
                .query((rs, n) -> json.put(rs.getString("bloc_code"), rs.getString("json")))
                .list();
        return json;
    }

    /** False when another transaction issued the learner's certificate meanwhile. */
    boolean insertCertificate(NewCredential c) {
        return jdbc.sql("""
                        insert into credential (id, kind, course_id, learner_id, referentiel_code, referentiel_version,
                            identity_salt, status_list, status_index, json, jwt)
                        values (:id, 'CERTIFICATE', :course, :learner, :refCode, :refVersion, :salt, :list, :index,
                            :json, :jwt)
                        on conflict do nothing""")
                        .param("id", c.id())
                        .param("course", c.courseId())
                        .param("learner", c.learnerId())
                        .param("refCode", c.referentielCode())
                        .param("refVersion", c.referentielVersion())
                        .param("salt", c.salt())
                        .param("list", c.statusList())
                        .param("index", c.statusIndex())
                        .param("json", c.json())
                        .param("jwt", c.jwt())
                        .update()
                == 1;
    }

    /** Revokes the learner's certificate in force (one of its blocs no longer stands); the ids revoked. */
    List<UUID> revokeStandingCertificate(long courseId, long learnerId, String reason, String by) {
        return jdbc.sql("""
                        update credential set revoked_at = now(), revocation_reason = :reason, revoked_by = :by
                        where course_id = :course and learner_id = :learner and kind = 'CERTIFICATE'
                            and revoked_at is null
                        returning id""")
                .param("course", courseId)
                .param("learner", learnerId)
                .param("reason", reason)
                .param("by", by)
                .query(UUID.class)
                .list();
    }

    /** Revokes the credential in force on a bloc; the ids revoked. */
    List<UUID> revokeStanding(long courseId, long learnerId, String blocCode, String reason, String by) {
        return jdbc.sql("""
                        update credential set revoked_at = now(), revocation_reason = :reason, revoked_by = :by
                        where course_id = :course and learner_id = :learner and bloc_code = :bloc
                            and revoked_at is null
                        returning id""")
                .param("course", courseId)
                .param("learner", learnerId)
                .param("bloc", blocCode)
                .param("reason", reason)
                .param("by", by)
                .query(UUID.class)
                .list();
    }

    boolean revoke(UUID id, String reason, String by) {
        return jdbc.sql("""
                        update credential set revoked_at = now(), revocation_reason = :reason, revoked_by = :by
                        where id = :id and revoked_at is null""")
                        .param("id", id)
                        .param("reason", reason)
                        .param("by", by)
                        .update()
                == 1;
    }

    Optional<IssuedCredential> find(UUID id) {
        return jdbc.sql(COLUMNS + " where id = :id")
                .param("id", id)
                .query(CredentialRepository::row)
                .optional();
    }

    List<IssuedCredential> ofLearner(long courseId, long learnerId) {
        return jdbc.sql(COLUMNS + " where course_id = :course and learner_id = :learner order by issued_at, bloc_code")
                .param("course", courseId)
                .param("learner", learnerId)
                .query(CredentialRepository::row)
                .list();
    }

    List<IssuedCredential> latest(int limit) {
        return jdbc.sql(COLUMNS + " order by issued_at desc limit :limit")
                .param("limit", limit)
                .query(CredentialRepository::row)
                .list();
    }

    /** The revoked positions of one status list: revoked credentials, and the wallets' copies of them. */
    List<Integer> revokedIndexes(int list) {
        return jdbc.sql("""
                        select status_index from credential where status_list = :list and revoked_at is not null
                        union all
                        select w.status_index from wallet_credential w join credential c on c.id = w.original_id
                        where w.status_list = :list and c.revoked_at is not null""").param("list", list).query(Integer.class).list();
    }

    boolean listExists(int list) {
        return jdbc.sql("""
                        select exists (select 1 from credential where status_list = :list)
                            or exists (select 1 from wallet_credential where status_list = :list)""").param("list", list).query(Boolean.class).single();
    }

    private static IssuedCredential row(ResultSet rs, int n) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new IssuedCredential(
                rs.getObject("id", UUID.class),
                rs.getLong("course_id"),
                rs.getLong("learner_id"),
                rs.getString("bloc_code"),
                revoked == null ? CredentialStatus.VALID : CredentialStatus.REVOKED,
                rs.getTimestamp("issued_at").toInstant(),
                rs.getString("json"),
                rs.getString("jwt"),
                revoked == null ? null : revoked.toInstant(),
                rs.getString("revocation_reason"));
    }
}
