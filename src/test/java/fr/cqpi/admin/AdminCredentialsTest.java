package fr.cqpi.admin;

import static fr.cqpi.admin.AdminTest.FORM;
import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.AgsCourse;
import fr.cqpi.support.LtiClient;
import fr.cqpi.support.ToolIntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * An administrator revokes a credential through the admin page's form, as a browser submits it: the reason is
 * required, CSRF is checked, and the learner's list then says revoked with the reason.
 */
class AdminCredentialsTest extends ToolIntegrationTest {

    @Test
    void anAdministratorRevokesACredentialWithAReason() {
        AgsCourse course = new AgsCourse(this, LMS, registry, "zoe");
        var session = course.trainer.send(
                "POST",
                "/api/v1/jury-sessions",
                "{\"heldOn\": \"2026-12-01\", \"place\": \"Paris\", \"members\": [{\"name\": \"A\", \"college\":"
                        + " \"EMPLOYEURS\", \"role\": \"PRESIDENT\"}, {\"name\": \"B\", \"college\": \"SALARIES\","
                        + " \"role\": \"REPRESENTANT_SALARIES\"}, {\"name\": \"C\", \"college\": \"EMPLOYEURS\","
                        + " \"role\": \"REPRESENTANT_EMPLOYEURS\"}], \"candidates\": [\"zoe\"]}",
                course.trainerHeaders);
        assertThat(session.statusCode()).as(session.body()).isEqualTo(201);
        var decided = course.trainer.send(
                "POST",
                "/api/v1/jury-sessions/"
                        + AgsCourse.json(session.body()).get("id").asLong() + "/decisions",
                "{\"learnerId\": \"zoe\", \"blocCode\": \"B3\", \"outcome\": \"VALIDE\", \"votesFor\": 3,"
                        + " \"votesAgainst\": 0, \"votesAbstention\": 0, \"reason\": \"Motif\"}",
                course.trainerHeaders);
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(201);
        String id = AgsCourse.json(
                        course.trainer.get("/api/v1/learners/zoe/credentials").body())
                .get(0)
                .get("id")
                .asString();

        LtiClient admin = browser();
        var login = admin.send(
                "POST",
                "/admin/login",
                LtiClient.form(Map.of(
                        "username",
                        "admin",
                        "password",
                        "test-admin-password",
                        "_csrf",
                        AdminToolsTest.csrf(admin.get("/admin/login").body()))),
                FORM);
        assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/admin");
        Document page = Jsoup.parse(admin.get("/admin").body());
        assertThat(page.select("a[href='/admin/credentials']")).isNotEmpty();
        Document list = Jsoup.parse(admin.get("/admin/credentials").body());
        Element form = list.selectFirst("form[action='/admin/credentials/" + id + "/revoke']");
        assertThat(form).isNotNull();
        String csrf = form.selectFirst("input[name=_csrf]").attr("value");
        assertThat(form.selectFirst("label[for=reason-" + id + "]")).isNotNull();

        // Without CSRF: refused, nothing revoked.
        var forged =
                admin.send("POST", "/admin/credentials/" + id + "/revoke", LtiClient.form(Map.of("reason", "x")), FORM);
        assertThat(forged.statusCode()).isEqualTo(403);
        // Without a reason: said, nothing revoked.
        var noReason = admin.send(
                "POST",
                "/admin/credentials/" + id + "/revoke",
                LtiClient.form(Map.of("reason", "  ", "_csrf", csrf)),
                FORM);
        assertThat(noReason.statusCode()).isEqualTo(302);
        assertThat(Jsoup.parse(admin.get("/admin/credentials").body())
                        .getElementById("admin-message")
                        .text())
                .contains("motif");
        assertThat(status(course)).isEqualTo("VALID");

        var revoked = admin.send(
                "POST",
                "/admin/credentials/" + id + "/revoke",
                LtiClient.form(Map.of("reason", "Délivré par erreur", "_csrf", csrf)),
                FORM);
        assertThat(revoked.statusCode()).isEqualTo(302);
        assertThat(Jsoup.parse(admin.get("/admin/credentials").body())
                        .getElementById("admin-message")
                        .text())
                .isEqualTo("Badge révoqué.");
        assertThat(status(course)).isEqualTo("REVOKED");
        assertThat(course.learner("zoe").get("/app/learners/zoe/credentials").body())
                .contains("Délivré par erreur");
        // An unknown credential: 404.
        assertThat(admin.send(
                                "POST",
                                "/admin/credentials/" + UUID.randomUUID() + "/revoke",
                                LtiClient.form(Map.of("reason", "x", "_csrf", csrf)),
                                FORM)
                        .statusCode())
                .isEqualTo(404);
    }

    static String status(AgsCourse course) {
        return AgsCourse.json(
                        course.trainer.get("/api/v1/learners/zoe/credentials").body())
                .get(0)
                .get("status")
                .asString();
    }
}
