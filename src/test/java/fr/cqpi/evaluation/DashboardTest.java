package fr.cqpi.evaluation;

import static fr.cqpi.support.TestPlatform.INSTRUCTOR;
import static fr.cqpi.support.TestPlatform.LEARNER;
import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.Json;
import fr.cqpi.support.LtiClient;
import fr.cqpi.support.TestPlatform;
import fr.cqpi.support.ToolIntegrationTest;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cohort page's filters and columns and the dashboard, after real launches and saves. */
class DashboardTest extends ToolIntegrationTest {

    TestPlatform moodle;
    LtiClient trainer;
    LtiClient learner;

    @BeforeEach
    void cohort() {
        moodle = newPlatform("moodle");
        learner = launched("learner-1", LEARNER, "Zoé Abadie");
        launched("learner-2", LEARNER, "Alain Martin");
        launched("learner-3", LEARNER, "Chloé Dupont");
        trainer = launched("teacher-1", INSTRUCTOR, "Formatrice");
        Map<String, String> csrf = trainer.apiHeaders();
        for (String code : List.of("C1.1", "C1.2", "C1.3")) {
            judge(csrf, "learner-1", code, "NON_ACQUIS");
            judge(csrf, "learner-2", code, "ACQUIS");
        }
        judge(csrf, "learner-2", "C1.4", "NON_ACQUIS");
        judge(csrf, "learner-2", "C1.3", "NON_ACQUIS");
    }

    @Test
    void theDashboardCountsStatesProgressAndHardestCriteriaInTablesBesideTheCharts() {
        var response = trainer.get("/app/dashboard");
        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());

        var states = page.selectFirst("table[data-chart=stacked]");
        assertThat(states.select("thead th").eachText())
                .startsWith("Bloc", "Non commencé", "En cours", "Proposition favorable");
        var b1 = states.select("tbody tr").get(0);
        assertThat(b1.selectFirst("th").text()).startsWith("B1 — ");
        // learner-3 not started, learner-1 and learner-2 in progress on B1.
        assertThat(b1.select("td").eachText()).containsExactly("1", "2", "0", "0", "0", "0", "0");
        assertThat(states.select("tbody tr").get(1).select("td").eachText())
                .containsExactly("3", "0", "0", "0", "0", "0", "0");

        var progress = page.selectFirst("table[data-chart=line] tbody tr");
        long cohortCriteria = 3L * 80;
        assertThat(progress.select("td").eachText())
                .containsExactly(
                        String.valueOf(Math.round(100.0 * 7 / cohortCriteria)),
                        String.valueOf(Math.round(100.0 * 2 / cohortCriteria)));

        var hardest = page.select("table[data-chart=bar] tbody tr");
        assertThat(hardest.stream().map(r -> r.selectFirst("th").attr("data-label")))
                .containsExactly("C1.3", "C1.1", "C1.2", "C1.4");
        assertThat(hardest.stream().map(r -> r.selectFirst("td").text())).containsExactly("2", "1", "1", "1");

        assertThat(page.select("ul.behind li").eachText())
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("Chloé Dupont", "jamais évalué");
        assertThat(page.select("canvas[role=img][aria-label]")).hasSize(3);
        assertThat(page.select("script[src*=chart.umd.min.js]")).hasSize(1);
        assertThat(trainer.get(page.selectFirst("script[src*=chart.umd]").attr("src"))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aLearnerSeesNoDashboard() {
        var refused = learner.get("/app/dashboard");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain("Alain Martin");
    }

    @Test
    void theCohortSortsByFamilyNameShowsTheLastEvaluationAndFiltersByState() {
        Document page = Jsoup.parse(trainer.get("/app/cohort").body());
        assertThat(page.select("#cohort-table tbody th a").eachText())
                .containsExactly("Zoé Abadie", "Chloé Dupont", "Alain Martin");
        assertThat(page.select("#cohort-table thead th .bloc-title").first().text())
                .isNotBlank();
        assertThat(page.select("#cohort-table tbody td.last").eachText())
                .satisfiesExactly(
                        d -> assertThat(d).matches("\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d"),
                        d -> assertThat(d).isEqualTo("jamais évalué"),
                        d -> assertThat(d).matches("\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d"));

        Document inProgress =
                Jsoup.parse(trainer.get("/app/cohort?state=EN_COURS&bloc=B1").body());
        assertThat(inProgress.select("#cohort-table tbody th a").eachText())
                .containsExactly("Zoé Abadie", "Alain Martin");
        assertThat(inProgress.selectFirst("#cohort-state option[selected]").val())
                .isEqualTo("EN_COURS");
        Document none = Jsoup.parse(trainer.get("/app/cohort?state=VALIDE").body());
        assertThat(none.select("#cohort-table tbody tr")).isEmpty();
        assertThat(none.text()).contains("Aucun apprenant ne correspond");
        Document byLast =
                Jsoup.parse(trainer.get("/app/cohort?sort=last&dir=asc").body());
        assertThat(byLast.select("#cohort-table tbody th a").eachText().get(0)).isEqualTo("Chloé Dupont");
    }

    private void judge(Map<String, String> csrf, String learnerSub, String code, String status) {
        var response = trainer.judge(csrf, learnerSub, code, Json.object("status", status, "modality", "OBSERVATION"));
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private LtiClient launched(String sub, String role, String fullName) {
        String[] names = fullName.split(" ", 2);
        return launched(moodle, sub, role, "course-1", claims -> {
            claims.put("name", fullName);
            claims.put("given_name", names[0]);
            claims.put("family_name", names.length > 1 ? names[1] : names[0]);
        });
    }
}
