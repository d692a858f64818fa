package fr.cqpi.course;

import static fr.cqpi.support.TestPlatform.INSTRUCTOR;
import static fr.cqpi.support.TestPlatform.LEARNER;
import static fr.cqpi.support.TestPlatform.LTI;
import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.LtiClient;
import fr.cqpi.support.TestPlatform;
import fr.cqpi.support.ToolIntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every list of people sorts as the cohort does: family name then given name, in French order (issue 21: the sync
 * page, the jury's candidates, the tutors' page and « Apprenants en retard » sorted by first name and raw character
 * codes). The names are chosen so that each wrong order differs from the right one: by first name (Bruno, Élodie,
 * Zoé), by raw codes (« Bruno Écuyer », « Zoé Aubert », « Élodie Martin »).
 */
class NameOrderTest extends ToolIntegrationTest {

    static final String MENTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor";
    static final List<String> IN_ORDER = List.of("Zoé Aubert", "Bruno Écuyer", "Élodie Martin");

    TestPlatform moodle;
    String course;
    LtiClient trainer;

    @BeforeEach
    void cohort() {
        moodle = newPlatform("moodle");
        course = "course-" + System.nanoTime();
        launched("e-martin", "Élodie", "Martin", LEARNER, null);
        launched("z-aubert", "Zoé", "Aubert", LEARNER, null);
        launched("b-ecuyer", "Bruno", "Écuyer", LEARNER, null);
        launched("a-zidane", "Alice", "Zidane", MENTOR, List.of("z-aubert"));
        launched("y-beranger", "Yves", "Béranger", MENTOR, List.of("e-martin", "b-ecuyer"));
        trainer = launched("teacher", "Claire", "Martin", INSTRUCTOR, null);
    }

    LtiClient launched(String sub, String given, String family, String role, List<String> mentees) {
        LtiClient client = browser();
        var response = client.launch(moodle, sub, n -> {
            Map<String, Object> claims = moodle.moodleLaunch(sub, role, n, course);
            claims.put("name", given + " " + family);
            claims.put("given_name", given);
            claims.put("family_name", family);
            if (mentees != null) {
                claims.put(LTI + "role_scope_mentor", mentees);
            }
            return claims;
        });
        assertThat(response.statusCode()).isEqualTo(302);
        return client;
    }

    Document page(String path) {
        var response = trainer.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    @Test
    void theTutorsPageTheJuryTheSyncPageAndTheLearnersBehindSortByFamilyName() {
        Document tutors = page("/app/tutors");
        assertThat(tutors.select("input[name=learner] + span").eachText()).isEqualTo(IN_ORDER);
        assertThat(tutors.select("#tutor-pick option[value~=.]").eachText())
                .containsExactly("Yves Béranger — tutorat en entreprise", "Alice Zidane — tutorat en entreprise");
        assertThat(tutors.select("table.tutor-assignments tbody tr").stream()
                        .map(tr -> tr.child(0).text() + " → " + tr.child(1).text())
                        .toList())
                .containsExactly(
                        "Yves Béranger → Bruno Écuyer", "Yves Béranger → Élodie Martin", "Alice Zidane → Zoé Aubert");

        assertThat(page("/app/jury").select("input[name=candidate]").eachAttr("value"))
                .containsExactly("z-aubert", "b-ecuyer", "e-martin");
        Map<String, String> api =
                new HashMap<>(trainer.csrfHeaders(trainer.get("/app").body()));
        api.put("Content-Type", "application/json");
        api.put("Accept", "application/json");
        var session = trainer.send("POST", "/api/v1/jury-sessions", """
                {"heldOn": "2026-12-01", "place": "Lyon", "members": [
                  {"name": "Claire Martin", "college": "EMPLOYEURS", "role": "PRESIDENT"},
                  {"name": "Paul Durand", "college": "SALARIES", "role": "REPRESENTANT_SALARIES"}],
                 "candidates": ["e-martin", "b-ecuyer", "z-aubert"]}""", api);
        assertThat(session.statusCode()).as(session.body()).isEqualTo(201);
        String id = session.body().replaceAll("(?s).*?\"id\"\\s*:\\s*(\\d+).*", "$1");
        assertThat(page("/app/jury/" + id).select("[id^=candidate-]").eachAttr("id"))
                .containsSubsequence("candidate-z-aubert", "candidate-b-ecuyer", "candidate-e-martin");

        assertThat(page("/app/dashboard").select("ul.behind li a").eachText()).isEqualTo(IN_ORDER);

        Map<String, String> form =
                new HashMap<>(trainer.csrfHeaders(trainer.get("/app").body()));
        form.put("Content-Type", "application/x-www-form-urlencoded");
        form.put("HX-Request", "true");
        assertThat(trainer.send("POST", "/app/sync/course", "", form).statusCode())
                .isEqualTo(200);
        assertThat(page("/app/sync").select("#sync-table tbody tr td:first-child").eachText().stream()
                        .distinct()
                        .toList())
                .isEqualTo(IN_ORDER);
    }
}
