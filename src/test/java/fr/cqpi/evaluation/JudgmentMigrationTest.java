package fr.cqpi.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.cqpi.support.ToolIntegrationTest;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

/**
 * V14 and V15 on a database holding judgments made before them (a schema of its own, migrated to V13 first): the
 * judgments become the évaluateur habilité's, in one session per course; the audit trail is not rewritten.
 */
class JudgmentMigrationTest extends ToolIntegrationTest {

    @Autowired
    DataSource dataSource;

    Flyway flyway(String schema, String target) {
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .locations("classpath:db/migration")
                .target(target)
                .load();
    }

    @Test
    void existingJudgmentsBecomeTheEvaluateursInOneSessionPerCourse() {
        String s = "migration_" + Long.toHexString(System.nanoTime());
        flyway(s, "13").migrate();
        jdbc.sql("insert into " + s + ".platform (id, name, issuer, client_id, authorization_endpoint, token_endpoint,"
                        + " jwks_uri) values (1, 'm', 'https://m', 'c', 'https://m/a', 'https://m/t', 'https://m/j')")
                .update();
        jdbc.sql("insert into " + s + ".lti_user (id, platform_id, sub) values (1, 1, 'amina'), (2, 1, 'claire')")
                .update();
        jdbc.sql("insert into " + s + ".course (id, platform_id, deployment_id, context_id) values (1, 1, 'd', 'c1'),"
                        + " (2, 1, 'd', 'c2')")
                .update();
        jdbc.sql("insert into " + s + ".judgment (id, course_id, learner_id, referentiel_code, criterion_code, status,"
                        + " comment, version, updated_by_sub, updated_at) values"
                        + " (1, 1, 1, 'cqpi', 'C1.1', 'ACQUIS', 'Bien', 2, 'claire', '2026-03-02 10:00+01'),"
                        + " (2, 1, 1, 'cqpi', 'C1.2', 'EN_COURS', null, 1, 'claire', '2026-03-05 10:00+01'),"
                        + " (3, 2, 1, 'cqpi', 'C1.1', 'NON_ACQUIS', null, 1, 'claire', '2026-04-01 10:00+02')")
                .update();
        jdbc.sql("insert into " + s + ".judgment_audit (judgment_id, platform_id, course_id, learner_id, learner_sub,"
                        + " criterion_code, after_status, evaluator_sub, changed_at) values"
                        + " (1, 1, 1, 1, 'amina', 'C1.1', 'EN_COURS', 'claire', '2026-03-01 10:00+01'),"
                        + " (1, 1, 1, 1, 'amina', 'C1.1', 'ACQUIS', 'claire', '2026-03-02 10:00+01')")
                .update();

        flyway(s, "15").migrate();

        assertThat(jdbc.sql("select criterion_code || ':' || status || ':' || version || ':' || evaluator_role"
                                + " || ':' || coalesce(comment, '-') from " + s + ".judgment order by id")
                        .query(String.class)
                        .list())
                .containsExactly(
                        "C1.1:ACQUIS:2:EVALUATEUR:Bien",
                        "C1.2:EN_COURS:1:EVALUATEUR:-",
                        "C1.1:NON_ACQUIS:1:EVALUATEUR:-");
        assertThat(jdbc.sql("select e.course_id || ':' || e.kind || ':' || e.held_on || ':' || e.is_current || ':'"
                                + " || e.earlier_judgments from " + s + ".evaluation_session e order by e.course_id")
                        .query(String.class)
                        .list())
                .containsExactly(
                        "1:EVALUATION_INTERMEDIAIRE:2026-03-02:true:true",
                        "2:EVALUATION_INTERMEDIAIRE:2026-04-01:true:true");
        assertThat(jdbc.sql("select count(*) from " + s + ".judgment j join " + s
                                + ".evaluation_session e on e.id = j.session_id and e.course_id = j.course_id")
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
        assertThat(jdbc.sql("select after_status || ':' || evaluator_role || ':' || coalesce(session_id::text, 'none')"
                                + " from " + s + ".judgment_audit order by id")
                        .query(String.class)
                        .list())
                .containsExactly("EN_COURS:EVALUATEUR:none", "ACQUIS:EVALUATEUR:none");

        // The tutor's judgment of the same criterion is a row of its own; a second évaluateur one is not.
        jdbc.sql("insert into " + s + ".judgment (id, course_id, learner_id, referentiel_code, criterion_code, status,"
                        + " version, updated_by_sub, updated_at, evaluator_role, session_id) select 10, 1, 1, 'cqpi',"
                        + " 'C1.1', 'NON_ACQUIS', 1, 'tom', now(), 'TUTEUR', id from " + s
                        + ".evaluation_session where course_id = 1")
                .update();
        assertThatThrownBy(() -> jdbc.sql("insert into " + s + ".judgment (id, course_id, learner_id, referentiel_code,"
                                + " criterion_code, status, version, updated_by_sub, updated_at, evaluator_role,"
                                + " session_id) select 11, 1, 1, 'cqpi', 'C1.1', 'ACQUIS', 1, 'x', now(), 'EVALUATEUR',"
                                + " id from " + s + ".evaluation_session where course_id = 1")
                        .update())
                .isInstanceOf(DataAccessException.class);
        // Still append-only.
        assertThatThrownBy(() -> jdbc.sql("update " + s + ".judgment_audit set evaluator_role = 'TUTEUR'")
                        .update())
                .isInstanceOf(DataAccessException.class);
        jdbc.sql("drop schema " + s + " cascade").update();
    }
}
