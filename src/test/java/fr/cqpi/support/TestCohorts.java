package fr.cqpi.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Learners with every criterion judged, written straight into the tables (what launches and saves leave). */
public final class TestCohorts {

    private TestCohorts() {}

    public static void addJudgedLearners(
            JdbcClient jdbc, long platformId, long courseId, String subPrefix, int from, int to) {
        for (int i = from; i < to; i++) {
            long userId = jdbc.sql(
                            "insert into lti_user (platform_id, sub, name) values (:p, :sub, :name) returning id")
                    .param("p", platformId)
                    .param("sub", subPrefix + i)
                    .param("name", "Apprenant " + i)
                    .query(Long.class)
                    .single();
            jdbc.sql("insert into enrolment (course_id, user_id, tool_role) values (:c, :u, 'LEARNER')")
                    .param("c", courseId)
                    .param("u", userId)
                    .update();
            jdbc.sql("""
                            insert into judgment (course_id, learner_id, referentiel_code, criterion_code, status, modality,
                                                  version, updated_by_sub, updated_at)
                            select :c, :u, 'cqpi-assistant', k.code,
                                   (array['ACQUIS','EN_COURS','NON_ACQUIS'])[1 + (k.position % 3)], 'ENTRETIEN', 1, 'trainer', now()
                            from criterion k join referentiel_version v on v.id = k.referentiel_version_id
                            where v.version = (select max(version) from referentiel_version)""").param("c", courseId).param("u", userId).update();
        }
    }
}
