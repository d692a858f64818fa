package fr.cqpi.evaluation;

import static fr.cqpi.support.TestPlatform.INSTRUCTOR;
import static fr.cqpi.support.TestPlatform.LEARNER;
import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.LtiClient;
import fr.cqpi.support.TestCohorts;
import fr.cqpi.support.TestPlatform;
import fr.cqpi.support.ToolIntegrationTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The learner's own grid written by {@link ReadOnlyCriterion} and {@link ReadOnlyGridPanels} is, byte for byte, the
 * page the Thymeleaf templates give: bloc states from not started to a favourable proposition, validated and not
 * validated by a jury; every case the read-only criterion distinguishes (not judged, judged with or without modality, comment,
 * author's name; a modality the bloc does not know; sessions of each kind; the tutor's judgment beside it, the same
 * or divergent, or none though a tutor follows the learner; markup and quotes in comments and names), in French and
 * in English.
 */
class ReadOnlyCriterionTest extends ToolIntegrationTest {

    @Autowired
    RenderedCriteria renderedCriteria;

    @Autowired
    ReadOnlyGridPanels gridPanels;

    @Test
    void theLearnersGridIsTheTemplatesByteForByte() {
        TestPlatform moodle = newPlatform("moodle");
        LtiClient trainer = browser();
        trainer.launch(moodle, "teacher", n -> moodle.moodleLaunch("teacher", INSTRUCTOR, n, "course-ro"));
        long platformId = moodle.platform().id();
        long courseId = jdbc.sql("select id from course where platform_id = :p")
                .param("p", platformId)
                .query(Long.class)
                .single();
        TestCohorts.addJudgedLearners(jdbc, platformId, courseId, "ro-learner-", 0, 4);
        // 0: B1 all acquired (a favourable proposition), then validated by a jury; B4 not validated.
        jdbc.sql("""
                        update judgment set status = 'ACQUIS'
                        where learner_id = (select id from lti_user where sub = 'ro-learner-0')
                          and (criterion_code like 'C1.%' or criterion_code like 'C2.%' or criterion_code like 'C3.%')""").update();
        long jury = jdbc.sql("""
                        insert into jury_session (course_id, held_on, place, created_by_sub)
                        values (:c, date '2026-12-01', 'Salle <A>', 't') returning id""").param("c", courseId).query(Long.class).single();
        for (String[] decision : new String[][] {{"B1", "VALIDE"}, {"B4", "NON_VALIDE"}}) {
            jdbc.sql("""
                            insert into jury_decision (session_id, course_id, learner_id, referentiel_code, bloc_code,
                                                       outcome, votes_for, votes_against, votes_abstention, reason,
                                                       decided_by_sub)
                            select :j, :c, id, (select referentiel_code from judgment limit 1), :b, :o, 3, 1, 0,
                                   'Motif', 't'
                            from lti_user where sub = 'ro-learner-0'""")
                    .param("j", jury)
                    .param("c", courseId)
                    .param("b", decision[0])
                    .param("o", decision[1])
                    .update();
        }
        // 1: nothing judged yet.
        jdbc.sql("delete from judgment where learner_id = (select id from lti_user where sub = 'ro-learner-1')")
                .update();
        // 2: comments, names, modalities and sessions of every kind; the tutor's judgments beside some.
        long positionnement =
                jdbc.sql("""
                        insert into evaluation_session (course_id, kind, held_on, label, created_by_sub)
                        values (:c, 'POSITIONNEMENT', date '2026-09-01', 'Rentrée <1>', 't') returning id""").param("c", courseId).query(Long.class).single();
        long finale = jdbc.sql("""
                        insert into evaluation_session (course_id, kind, held_on, created_by_sub)
                        values (:c, 'EVALUATION_FINALE', date '2026-11-30', 't') returning id""").param("c", courseId).query(Long.class).single();
        jdbc.sql("""
                        update judgment set
                          comment = case when criterion_code like 'C1.%' then 'Bien <b>vu</b> & "dit" l''été' || chr(10) || 'ligne 2'
                                         when criterion_code like 'C2.%' then '' end,
                          modality = case when criterion_code like 'C3.%' then null
                                          when criterion_code = 'C4.1' then 'INCONNUE' else modality end,
                          updated_by_name = case when criterion_code like 'C1.%' then 'Anne <O''Hara>'
                                                 when criterion_code like 'C5.%' then '' end,
                          session_id = case when criterion_code like 'C6.%' then :pos
                                            when criterion_code like 'C7.%' then :fin else session_id end
                        where learner_id = (select id from lti_user where sub = 'ro-learner-2')""").param("pos", positionnement).param("fin", finale).update();
        jdbc.sql("""
                        insert into judgment (course_id, learner_id, referentiel_code, criterion_code, status, modality,
                                              comment, version, updated_by_sub, updated_by_name, updated_at,
                                              evaluator_role, session_id)
                        select course_id, learner_id, referentiel_code, criterion_code,
                               case when criterion_code like 'C1.%' then status else 'NON_ACQUIS' end,
                               case when criterion_code like 'C2.%' then null else 'OBSERVATION' end,
                               case when criterion_code like 'C3.%' then 'Le tuteur > dit' end,
                               1, 'tutor-sub', case when criterion_code like 'C4.%' then 'Tom' end, now(),
                               'TUTEUR', session_id
                        from judgment
                        where learner_id = (select id from lti_user where sub = 'ro-learner-2')
                          and criterion_code not like 'C8.%'""").update();
        // 3: a tutor follows the learner, who has no judgment of the tutor's yet.
        long tutor = jdbc.sql(
                        "insert into lti_user (platform_id, sub, name) values (:p, 'ro-tutor', 'Tuteur') returning id")
                .param("p", platformId)
                .query(Long.class)
                .single();
        jdbc.sql("""
                        insert into tutor_assignment (course_id, tutor_id, learner_id, source)
                        values (:c, :t,
                                (select id from lti_user where sub = 'ro-learner-3'), 'TRAINER')""").param("c", courseId).param("t", tutor).update();

        int compared = 0;
        for (String locale : new String[] {"fr", "en"}) {
            for (int i = 0; i < 4; i++) {
                String sub = "ro-learner-" + i;
                LtiClient learner = browser();
                learner.launch(moodle, sub, n -> {
                    Map<String, Object> claims = moodle.moodleLaunch(sub, LEARNER, n, "course-ro");
                    @SuppressWarnings("unchecked")
                    Map<String, Object> presentation =
                            new HashMap<>((Map<String, Object>) claims.get(TestPlatform.LTI + "launch_presentation"));
                    presentation.put("locale", locale);
                    claims.put(TestPlatform.LTI + "launch_presentation", presentation);
                    return claims;
                });
                String written = page(learner);
                String templated;
                renderedCriteria.readOnlyWithoutTemplate = false;
                gridPanels.withoutTemplate = false;
                try {
                    templated = page(learner);
                } finally {
                    renderedCriteria.readOnlyWithoutTemplate = true;
                    gridPanels.withoutTemplate = true;
                }
                assertThat(written).contains("judgment readonly").isEqualTo(templated);
                if (i == 2) {
                    // The session a judgment was made in, after its author and date, on both sides.
                    assertThat(written)
                            .contains(
                                    locale.equals("fr")
                                            ? " · <span class=\"session-of\">Positionnement du "
                                            : " · <span class=\"session-of\">Positioning (positionnement) of ");
                }
                compared++;
            }
        }
        assertThat(compared).isEqualTo(8);
    }

    /** The learner's first page, its per-request CSRF token masked (the rest is the same from one request to the next). */
    private static String page(LtiClient learner) {
        var page = learner.get("/app/me");
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body().replaceAll("<meta name=\"_csrf\" content=\"[^\"]*\"", "<meta name=\"_csrf\" content=\"…\"");
    }
}
