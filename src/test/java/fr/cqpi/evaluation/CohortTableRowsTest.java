package fr.cqpi.evaluation;

import static fr.cqpi.support.TestPlatform.INSTRUCTOR;
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
 * The cohort's rows written by {@link CohortTableRows} are, byte for byte, the rows cohort.html's template gives:
 * learners active and gone, never judged, judged in part or fully (every bloc state the judgments give), half scores
 * (rounded as {@code #numbers.formatDecimal} rounds), names and ids holding markup, quotes, spaces and accents; the
 * whole page and the table alone (the filter's request), in French and in English.
 */
class CohortTableRowsTest extends ToolIntegrationTest {

    @Autowired
    CohortTableRows tableRows;

    @Test
    void theCohortsRowsAreTheTemplatesByteForByte() {
        TestPlatform moodle = newPlatform("moodle");
        long platformId = moodle.platform().id();
        launchTrainer(moodle, "fr");
        long courseId = jdbc.sql("select id from course where platform_id = :p")
                .param("p", platformId)
                .query(Long.class)
                .single();
        TestCohorts.addJudgedLearners(jdbc, platformId, courseId, "rows-learner-", 0, 6);
        // Never judged; gone from the course; names and ids that need escaping; every criterion acquired.
        jdbc.sql("delete from judgment where learner_id = (select id from lti_user where sub = 'rows-learner-1')")
                .update();
        jdbc.sql("""
                        update enrolment set active = false
                        where user_id = (select id from lti_user where sub = 'rows-learner-2')""").update();
        jdbc.sql("""
                        update lti_user set sub = 'a b/é&"<x>''?#', name = 'Anne <O''Hara> & "Zoé"'
                        where sub = 'rows-learner-3'""").update();
        jdbc.sql("update lti_user set name = null where sub = 'rows-learner-4'").update();
        jdbc.sql("""
                        update judgment set status = 'ACQUIS'
                        where learner_id = (select id from lti_user where sub = 'rows-learner-5')""").update();
        // A half score: one of two evaluated criteria of a bloc acquired → 50 %, and 1 of 8 → 12.5 %.
        jdbc.sql("""
                        update judgment set status = case when criterion_code = 'C1.1' then 'ACQUIS' else 'NON_ACQUIS' end
                        where learner_id = (select id from lti_user where sub = 'rows-learner-0')""").update();

        int compared = 0;
        for (String locale : new String[] {"fr", "en"}) {
            LtiClient trainer = launchTrainer(moodle, locale);
            for (String target : new String[] {null, "cohort-table"}) {
                String written = page(trainer, target);
                String templated;
                tableRows.withoutTemplate = false;
                try {
                    templated = page(trainer, target);
                } finally {
                    tableRows.withoutTemplate = true;
                }
                assertThat(written)
                        .contains("<tr class=\"inactive\">", "a%20b/%C3%A9&amp;%22%3Cx%3E&#39;%3F%23")
                        .isEqualTo(templated);
                compared++;
            }
        }
        assertThat(compared).isEqualTo(4);
    }

    private LtiClient launchTrainer(TestPlatform moodle, String locale) {
        LtiClient trainer = browser();
        trainer.launch(moodle, "teacher", n -> {
            Map<String, Object> claims = moodle.moodleLaunch("teacher", INSTRUCTOR, n, "course-rows");
            @SuppressWarnings("unchecked")
            Map<String, Object> presentation =
                    new HashMap<>((Map<String, Object>) claims.get(TestPlatform.LTI + "launch_presentation"));
            presentation.put("locale", locale);
            claims.put(TestPlatform.LTI + "launch_presentation", presentation);
            return claims;
        });
        return trainer;
    }

    /** The cohort page (or its table alone), its per-request CSRF token masked. */
    private static String page(LtiClient trainer, String target) {
        var page = target == null
                ? trainer.get("/app/cohort")
                : trainer.get("/app/cohort?q=", Map.of("HX-Request", "true", "HX-Target", target));
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body().replaceAll("<meta name=\"_csrf\" content=\"[^\"]*\"", "<meta name=\"_csrf\" content=\"…\"");
    }
}
