package fr.cqpi.privacy;

import fr.cqpi.course.People;
import fr.cqpi.course.Pseudonyms;
import fr.cqpi.personaldata.PersonRef;
import fr.cqpi.personaldata.PersonalData;
import fr.cqpi.personaldata.PersonalDataWrites;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Erasure on request (RGPD art. 17), by an administrator: every module erases the person in one transaction; what
 * the certification keeps stays ({@link #kept()}), under a pseudonym. The erasure is logged under that pseudonym only.
 */
@Component
public class Erasure {

    private static final Logger log = LoggerFactory.getLogger(Erasure.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The longest reason kept. */
    public static final int MAX_REASON = 1000;

    public record Result(String pseudonym, Map<String, Map<String, Integer>> erased) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final List<PersonalData> modules;
    private final People people;
    private final JsonMapper json;

    Erasure(
            JdbcClient jdbc,
            TransactionTemplate transaction,
            List<PersonalData> modules,
            People people,
            JsonMapper json) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.modules = modules;
        this.people = people;
        this.json = json;
    }

    /** Message keys of what an erasure keeps, and why. */
    public List<String> kept() {
        return modules.stream().flatMap(m -> m.kept().stream()).toList();
    }

    /** Erases the person; the reason must not name them (it is kept with the pseudonym). */
    public Result erase(People.Entry person, String reason, String administrator) {
        String pseudonym = Pseudonyms.ERASED_PREFIX + HexFormat.of().formatHex(bytes(8));
        PersonRef ref = new PersonRef(
                person.id(),
                person.platformId(),
                person.sub(),
                person.email(),
                people.courseIdsOfPlatform(person.platformId()),
                pseudonym);
        Result result = transaction.execute(status -> {
            PersonalDataWrites.allow(jdbc);
            Map<String, Map<String, Integer>> erased = new LinkedHashMap<>();
            for (PersonalData module : modules) {
                erased.put(module.name(), new LinkedHashMap<>(module.erase(ref)));
            }
            jdbc.sql("""
                            insert into personal_data_erasure (pseudonym, platform_id, reason, erased_by, erased)
                            values (:p, :platform, :reason, :by, cast(:erased as jsonb))""")
                    .param("p", pseudonym)
                    .param("platform", person.platformId())
                    .param("reason", reason)
                    .param("by", administrator)
                    .param("erased", json.writeValueAsString(erased))
                    .update();
            return new Result(pseudonym, erased);
        });
        log.info("Personal data erased on request: {} by admin {}, {}", pseudonym, administrator, result.erased());
        return result;
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** An erasure done: under which pseudonym, when, by which administrator, why. */
    public record Logged(String pseudonym, Instant at, String erasedBy, String reason) {}

    /** The erasures done, newest first. */
    public List<Logged> recent(int limit) {
        return jdbc.sql("select pseudonym, at, erased_by, reason from personal_data_erasure order by at desc limit :n")
                .param("n", limit)
                .query((rs, row) -> new Logged(
                        rs.getString("pseudonym"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("erased_by"),
                        rs.getString("reason")))
                .list();
    }
}
