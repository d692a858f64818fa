package fr.cqpi.credentials;

import fr.cqpi.personaldata.PersonRef;
import fr.cqpi.personaldata.PersonalArchive;
import fr.cqpi.personaldata.PersonalData;
import fr.cqpi.personaldata.RetentionRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The register of issued credentials, kept like the issued documents' register: a credential must stay verifiable
 * (signatures, status list) for as long as its holder may show it, and it names its holder only by a salted hash of
 * their e-mail address (or LTI id), never by name. An erasure keeps it whole.
 */
@Component
class CredentialsPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    CredentialsPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "credentials";
    }

    @Override
    public Map<String, Integer> purge(RetentionRun run) {
        return Map.of();
    }

    @Override
    public void export(PersonRef person, PersonalArchive archive) throws IOException {
        List<Map<String, Object>> credentials =
                jdbc.sql("""
                        select id::text as id, kind, course_id, bloc_code, referentiel_code, referentiel_version,
                               issued_at, revoked_at, revocation_reason
                        from credential where learner_id = :l order by issued_at, id""").param("l", person.userId()).query().listOfRows();
        for (Map<String, Object> credential : credentials) {
            String id = (String) credential.get("id");
            Map<String, Object> signed = jdbc.sql("select json, jwt from credential where id = cast(:id as uuid)")
                    .param("id", id)
                    .query()
                    .singleRow();
            String json = "credentials/" + id + ".json";
            String jwt = "credentials/" + id + ".jwt";
            archive.file(json, ((String) signed.get("json")).getBytes(StandardCharsets.UTF_8));
            archive.file(jwt, ((String) signed.get("jwt")).getBytes(StandardCharsets.UTF_8));
            credential.put("files", List.of(json, jwt));
        }
        // The copies handed to the learner's wallets, bound to the wallet's DID.
        List<Map<String, Object>> copies =
                jdbc.sql("""
                        select w.id::text as id, w.original_id::text as original, w.holder_did, w.issued_at, w.json,
                               w.jwt
                        from wallet_credential w join credential c on c.id = w.original_id
                        where c.learner_id = :l order by w.issued_at, w.id""").param("l", person.userId()).query().listOfRows();
        for (Map<String, Object> copy : copies) {
            String base = "credentials/wallet/" + copy.get("id");
            archive.file(base + ".json", ((String) copy.remove("json")).getBytes(StandardCharsets.UTF_8));
            archive.file(base + ".jwt", ((String) copy.remove("jwt")).getBytes(StandardCharsets.UTF_8));
            copy.put("files", List.of(base + ".json", base + ".jwt"));
        }
        archive.section(name(), Map.of("issued", credentials, "handedToWallets", copies));
    }

    /**
     * Nothing to erase: the register names the holder by their {@code lti_user} row (pseudonymised by the erasure)
     * and, inside the signed credential, by a salted hash that only who knows their address can match; who revoked a
     * credential is "jury" or an administrator, never an LTI person.
     */
    @Override
    public Map<String, Integer> erase(PersonRef person) {
        return Map.of();
    }

    @Override
    public List<String> kept() {
        return List.of("privacy.kept.credentials");
    }
}
