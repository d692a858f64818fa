package fr.cqpi.course;

import static fr.cqpi.support.TestPlatform.INSTRUCTOR;
import static fr.cqpi.support.TestPlatform.LEARNER;
import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.LtiClient;
import fr.cqpi.support.TestPlatform;
import fr.cqpi.support.ToolIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a platform sends that PostgreSQL or a page cannot hold (U+0000, an unpaired surrogate, control characters,
 * absurd lengths) is cleaned and bounded: the launch goes on, the pages draw, never a 500.
 */
class PlatformTextTest extends ToolIntegrationTest {

    @Test
    void aLaunchWithTextPostgresqlCannotHoldIsStoredCleaned() {
        TestPlatform moodle = newPlatform("moodle");
        LtiClient learner = browser();
        var learnerLaunch = learner.launch(moodle, "learner\u0000-1", n -> {
            Map<String, Object> claims = moodle.moodleLaunch("learner\u0000-1", LEARNER, n, "course\u0000-1");
            claims.put("name", "Amina\u0000 B\u0007");
            claims.put("family_name", "B\u001B[31m");
            claims.put("email", "a".repeat(100_000) + "@example.org");
            claims.put(TestPlatform.LTI + "resource_link", Map.of("id", "link\u0000-1", "title", "Grille\u0000 CQPI"));
            claims.put(TestPlatform.LTI + "custom", Map.of("note\u0000", "valeur\u0000"));
            claims.put(
                    TestPlatform.LTI + "roles",
                    List.of(LEARNER, "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner\u0000"));
            return claims;
        });
        assertThat(learnerLaunch.statusCode()).as(learnerLaunch.body()).isEqualTo(302);

        var user = jdbc.sql("select sub, name, family_name, email from lti_user where platform_id = :p")
                .param("p", moodle.platform().id())
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .single();
        assertThat(user.get(0)).isEqualTo("learner-1");
        assertThat(user.get(1)).isEqualTo("Amina B");
        assertThat(user.get(2)).isEqualTo("B[31m");
        assertThat(user.get(3)).hasSize(PlatformText.NAME);
        assertThat(jdbc.sql("select title from resource_link")
                        .query(String.class)
                        .list())
                .contains("Grille CQPI");
        assertThat(learner.get("/app").statusCode()).isEqualTo(200);

        LtiClient trainer = browser();
        trainer.launch(moodle, "teacher", n -> moodle.moodleLaunch("teacher", INSTRUCTOR, n, "course\u0000-1"));
        var cohort = trainer.get("/app");
        assertThat(cohort.statusCode()).isEqualTo(200);
        assertThat(cohort.body()).contains("Amina B").doesNotContain("\u0000");
        assertThat(trainer.get("/app/learners/learner-1").statusCode()).isEqualTo(200);
    }

    @Test
    void aRosterEntryIsCleanedTheSameWay() {
        // NRPS JSON can carry an escaped lone surrogate (\ud800), which no JWT library here would sign.
        Person person = new Person("s\uD800", "N\u0000om", null, "F\uDC00", "e".repeat(1_000), "fr\u0000");
        assertThat(person.sub()).isEqualTo("s\uFFFD");
        assertThat(person.name()).isEqualTo("Nom");
        assertThat(person.familyName()).isEqualTo("F\uFFFD");
        assertThat(person.email()).hasSize(PlatformText.NAME);
        assertThat(person.locale()).isEqualTo("fr");
    }
}
