package fr.cqpi.evaluation;

import static fr.cqpi.support.TestPlatform.INSTRUCTOR;
import static fr.cqpi.support.TestPlatform.LEARNER;
import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.LtiClient;
import fr.cqpi.support.TestPlatform;
import fr.cqpi.support.ToolIntegrationTest;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** « Jugement de groupe »: one criterion for the whole cohort, each row saved on its own, over real HTTP. */
class GroupJudgingTest extends ToolIntegrationTest {

    TestPlatform moodle;
    LtiClient trainer;
    LtiClient learner;
    Map<String, String> form;

    @BeforeEach
    void cohort() {
        moodle = newPlatform("moodle");
        learner = launched("amina", LEARNER);
        launched("lucas", LEARNER);
        trainer = launched("teacher", INSTRUCTOR);
        form = new HashMap<>(trainer.csrfHeaders(trainer.get("/app").body()));
        form.put("Content-Type", "application/x-www-form-urlencoded");
    }

    @Test
    void everyLearnerOfTheCohortOnOneCriterionEachRowSavedOnItsOwn() {
        Document page = Jsoup.parse(trainer.get("/app/group?criterion=C2.3").body());
        assertThat(page.selectFirst("h2").text()).startsWith("C2.3");
        assertThat(page.select(".group-row .criterion-text a").eachText())
                .containsExactly("Prénom amina", "Prénom lucas");
        assertThat(page.select(".group-row input[name=status][checked]").eachAttr("value"))
                .containsOnly("NON_EVALUE");
        assertThat(page.select("#group-criterion option[selected]").val()).isEqualTo("C2.3");

        var saved = trainer.send(
                "PUT", "/app/group/C2.3/learners/lucas", "status=ACQUIS&modality=OBSERVATION&version=0", form);
        assertThat(saved.statusCode()).isEqualTo(200);
        Document row = Jsoup.parse(saved.body());
        assertThat(row.select(".outcome").text()).contains("Enregistré");
        assertThat(row.select("input[name=status][checked]").val()).isEqualTo("ACQUIS");
        assertThat(row.select("input[name=version]").val()).isEqualTo("1");

        Document grid = Jsoup.parse(trainer.get("/app/learners/lucas").body());
        assertThat(grid.select("#status-C2-3 input[checked]").val()).isEqualTo("ACQUIS");
        assertThat(Jsoup.parse(trainer.get("/app/learners/amina").body())
                        .select("#status-C2-3 input[checked]")
                        .val())
                .isEqualTo("NON_EVALUE");
    }

    @Test
    void aStaleRowAnswers409AndKeepsWhatWasTyped() {
        assertThat(trainer.send("PUT", "/app/group/C2.3/learners/amina", "status=ACQUIS&version=0", form)
                        .statusCode())
                .isEqualTo(200);
        var stale = trainer.send(
                "PUT", "/app/group/C2.3/learners/amina", "status=NON_ACQUIS&comment=Vu+en+groupe&version=0", form);
        assertThat(stale.statusCode()).isEqualTo(409);
        Document row = Jsoup.parse(stale.body());
        assertThat(row.select("input[name=status][checked]").val()).isEqualTo("NON_ACQUIS");
        assertThat(row.select("textarea[name=comment]").text()).isEqualTo("Vu en groupe");
        assertThat(row.select("input[name=version]").val()).isEqualTo("1");
        assertThat(row.select(".outcome").text()).contains("a enregistré « Acquis »");
        assertThat(row.select("form").attr("data-unsaved")).isEqualTo("true");
    }

    @Test
    void learnersAndForgedRequestsAreRefused() {
        assertThat(learner.get("/app/group").statusCode()).isEqualTo(403);
        Map<String, String> noToken = Map.of("Content-Type", "application/x-www-form-urlencoded");
        assertThat(trainer.send("PUT", "/app/group/C2.3/learners/amina", "status=ACQUIS&version=0", noToken)
                        .statusCode())
                .isEqualTo(403);
        assertThat(trainer.send("PUT", "/app/group/C99.9/learners/amina", "status=ACQUIS&version=0", form)
                        .statusCode())
                .isEqualTo(404);
        assertThat(trainer.send("PUT", "/app/group/C2.3/learners/amina", "status=BRAVO&version=0", form)
                        .statusCode())
                .isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from judgment j join lti_user u on u.id = j.learner_id"
                                + " where u.platform_id = :p")
                        .param("p", moodle.platform().id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private LtiClient launched(String sub, String role) {
        LtiClient client = browser();
        var response = client.launch(moodle, sub, n -> moodle.moodleLaunch(sub, role, n, "course-1"));
        assertThat(response.statusCode()).isEqualTo(302);
        return client;
    }
}
