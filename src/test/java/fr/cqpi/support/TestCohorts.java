package fr.cqpi.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Learners with every criterion judged, written straight into the tables (what launches and saves leave). */
public final class TestCohorts {

    private TestCohorts() {}

    /** The course's current evaluation session (opened as an évaluation intermédiaire of today if none). */
    public static long currentSession(JdbcClient jdbc, long courseId) {
        jdbc.sql("""
                        insert into evaluation_session (course_id, kind, held_on, is_current, created_by_sub)
                        values (:c, 'EVALUATION_INTERMEDIAIRE', current_date, true, 'test')
                        on conflict (course_id) where is_current do nothing""").param("c", courseId).update();
        return jdbc.sql("select id from evaluation_session where course_id = :c and is_current")
                .param("c", courseId)
                .query(Long.class)
                .single();
    }

    public static void addJudgedLearners(
            JdbcClient jdbc, long platformId, long courseId, String subPrefix, int from, int to) {
        long session = currentSession(jdbc, courseId);
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
                                                  version, updated_by_sub, updated_at, evaluator_role, session_id)
                            select :c, :u, 'cqpi-assistant', k.code,
                                   (array['ACQUIS','EN_COURS','NON_ACQUIS'])[1 + (k.position % 3)], 'ENTRETIEN', 1, 'trainer', now(),
                                   'EVALUATEUR', :s
                            from criterion k join referentiel_version v on v.id = k.referentiel_version_id
                            where v.version = (select max(version) from referentiel_version)""")
                    .param("c", courseId)
                    .param("u", userId)
                    .param("s", session)
                    .update();
        }
    }
}
