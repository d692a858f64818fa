package fr.cqpi.referentiel;

import fr.cqpi.referentiel.Referentiel.Bloc;
import fr.cqpi.referentiel.Referentiel.Competence;
import fr.cqpi.referentiel.Referentiel.Criterion;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

@Repository
class ReferentielRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper json = new ObjectMapper();

    ReferentielRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new version unless the latest one has the same content. */
    @Transactional
    public StoredVersion storeIfChanged(String source, ReferentielParser.Parsed parsed) {
        Referentiel referentiel = parsed.referentiel();
        // Serialises concurrent starts of several instances on one database.
        jdbc.sql("select pg_advisory_xact_lock(hashtext('referentiel:' || :code))")
                .param("code", referentiel.code())
                .query()
                .singleRow();
        String checksum = sha256(parsed.canonicalJson());
        Optional<VersionRow> latest = jdbc.sql("""
                        select id, version, checksum from referentiel_version
                        where code = :code order by version desc limit 1""")
                .param("code", referentiel.code())
                .query((rs, n) -> new VersionRow(rs.getLong("id"), rs.getInt("version"), rs.getString("checksum")))
                .optional();
        if (latest.isPresent() && latest.get().checksum().equals(checksum)) {
            return new StoredVersion(
                    latest.get().id(), referentiel.code(), latest.get().version(), false);
        }
        int version = latest.map(v -> v.version() + 1).orElse(1);
        long versionId = insertVersion(referentiel, version, checksum, source, parsed.canonicalJson());
        int blocPosition = 0;
        for (Bloc bloc : referentiel.blocs()) {
            long blocId = insertBloc(versionId, bloc, ++blocPosition);
            int competencePosition = 0;
            for (Competence competence : bloc.competences()) {
                long competenceId = insertCompetence(versionId, blocId, competence, ++competencePosition);
                int criterionPosition = 0;
                for (Criterion criterion : competence.criteria()) {
                    jdbc.sql("""
                                    insert into criterion (referentiel_version_id, competence_id, code, position, text)
                                    values (:version, :competence, :code, :position, :text)""")
                            .param("version", versionId)
                            .param("competence", competenceId)
                            .param("code", criterion.code())
                            .param("position", ++criterionPosition)
                            .param("text", criterion.text())
                            .update();
                }
            }
        }
        return new StoredVersion(versionId, referentiel.code(), version, true);
    }

    private long insertVersion(Referentiel referentiel, int version, String checksum, String source, String document) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into referentiel_version (code, version, checksum, source, title, rules, document)
                        values (:code, :version, :checksum, :source, :title, cast(:rules as jsonb), cast(:document as jsonb))""")
                .param("code", referentiel.code())
                .param("version", version)
                .param("checksum", checksum)
                .param("source", source)
                .param("title", referentiel.title())
                .param("rules", toJson(referentiel.rules()))
                .param("document", document)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private long insertBloc(long versionId, Bloc bloc, int position) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into bloc (referentiel_version_id, code, position, title, modalities)
                        values (:version, :code, :position, :title, cast(:modalities as jsonb))""")
                .param("version", versionId)
                .param("code", bloc.code())
                .param("position", position)
                .param("title", bloc.title())
                .param("modalities", toJson(bloc.modalities()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private long insertCompetence(long versionId, long blocId, Competence competence, int position) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into competence (referentiel_version_id, bloc_id, code, position, title)
                        values (:version, :bloc, :code, :position, :title)""")
                .param("version", versionId)
                .param("bloc", blocId)
                .param("code", competence.code())
                .param("position", position)
                .param("title", competence.title())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** The id and number of the latest version of a référentiel (cheap: no document). */
    public Optional<Long> latestVersionId(String code) {
        return jdbc.sql("select id from referentiel_version where code = :code order by version desc limit 1")
                .param("code", code)
                .query(Long.class)
                .optional();
    }

    /** The canonical JSON of the latest version of a référentiel. */
    public Optional<LatestDocument> latestDocument(String code) {
        return jdbc.sql("""
                        select id, version, source, document::text as document from referentiel_version
                        where code = :code order by version desc limit 1""")
                .param("code", code)
                .query((rs, n) -> new LatestDocument(
                        rs.getLong("id"), rs.getInt("version"), rs.getString("source"), rs.getString("document")))
                .optional();
    }

    /** Every stored version of every référentiel, by code then version (no documents). */
    public List<ReferentielCatalog.StoredReferentiel> versions() {
        return jdbc.sql("select id, code, version, loaded_at from referentiel_version order by code, version")
                .query((rs, n) -> new ReferentielCatalog.StoredReferentiel(
                        rs.getLong("id"),
                        rs.getString("code"),
                        rs.getInt("version"),
                        rs.getTimestamp("loaded_at").toInstant()))
                .list();
    }

    /** The canonical JSON of one stored version. */
    public Optional<LatestDocument> document(long versionId) {
        return jdbc.sql("""
                        select id, version, source, document::text as document from referentiel_version
                        where id = :id""")
                .param("id", versionId)
                .query((rs, n) -> new LatestDocument(
                        rs.getLong("id"), rs.getInt("version"), rs.getString("source"), rs.getString("document")))
                .optional();
    }

    private record VersionRow(long id, int version, String checksum) {}

    record LatestDocument(long id, int version, String source, String json) {}

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
