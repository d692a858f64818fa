package fr.cqpi.jury;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.AgsCourse;
import fr.cqpi.support.LtiClient;
import fr.cqpi.support.ToolIntegrationTest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The jury's pages over HTTP: a session recorded from its form, a decision and a recours from the session page,
 * each refusal shown in French beside what was typed, nothing stored on a refusal.
 */
class JuryFormTest extends ToolIntegrationTest {

    HttpResponse<String> post(AgsCourse course, String path, String form) {
        Map<String, String> headers = new HashMap<>(course.trainerHeaders);
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        headers.put("Accept", "text/html");
        headers.put("HX-Request", "true");
        return course.trainer.send("POST", path, form, headers);
    }

    static String members(String presidentCollege) {
        return "&memberName=Claire+Martin&memberCollege=" + presidentCollege + "&memberRole=PRESIDENT"
                + "&memberName=Nadia+Benali&memberCollege=EMPLOYEURS&memberRole=REPRESENTANT_EMPLOYEURS"
                + "&memberName=Paul+Durand&memberCollege=SALARIES&memberRole=REPRESENTANT_SALARIES"
                + "&memberName=&memberCollege=SALARIES&memberRole=REPRESENTANT_SALARIES"
                + "&memberName=Luc+Moreau&memberCollege=AUCUN&memberRole=RAPPORTEUR";
    }

    static String decision(String learner, String outcome, int f, int a, int x, String reason, String recours) {
        return decision(learner, "B4", outcome, f, a, x, reason, recours);
    }

    static String decision(
            String learner, String bloc, String outcome, int f, int a, int x, String reason, String recours) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("learnerId", learner);
        form.put("blocCode", bloc);
        if (outcome != null) {
            form.put("outcome", outcome);
        }
        form.put("votesFor", "" + f);
        form.put("votesAgainst", "" + a);
        form.put("votesAbstention", "" + x);
        form.put("reason", reason);
        form.put("preconisations", "Approfondir l'accueil téléphonique");
        form.put("recoursId", recours == null ? "" : recours);
        return LtiClient.form(form);
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    @Test
    void theJuryRecordsASessionADecisionAndARecoursFromItsPages() {
        AgsCourse course = new AgsCourse(this, LMS, registry, "nora", "ali");
        IntStream.rangeClosed(1, 11).forEach(i -> course.judge("nora", "C9." + i, "ACQUIS"));
        String jury = course.trainer.get("/app/jury").body();
        assertThat(jury).contains("Enregistrer une session de jury").contains("Prénom nora");

        // A session without two colleges is refused, and the form keeps what was typed.
        long sessions = count("jury_session");
        var refused = post(
                course,
                "/app/jury",
                "heldOn=2026-12-01&place=Lyon+%3Cb%3EOPCO%3C%2Fb%3E"
                        + members("AUCUN").replace("SALARIES", "EMPLOYEURS") + "&candidate=nora");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("role=\"alert\"")
                .contains("value=\"Lyon &lt;b&gt;OPCO&lt;/b&gt;\"")
                .contains("value=\"Claire Martin\"")
                .contains("value=\"2026-12-01\"");
        assertThat(count("jury_session")).isEqualTo(sessions);

        var created = post(
                course, "/app/jury", "heldOn=2026-12-01&place=Lyon+OPCO" + members("EMPLOYEURS") + "&candidate=nora");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        String pushed = created.headers().firstValue("HX-Push-Url").orElseThrow();
        assertThat(pushed).startsWith("/app/jury/");
        long id = Long.parseLong(pushed.substring("/app/jury/".length()));
        assertThat(created.body())
                .contains("Jury du")
                .contains("Décision du jury sur le bloc B4")
                .contains("Vote (3 membres votants ; le rapporteur ne vote pas)")
                .contains("Prénom nora")
                .doesNotContain("Prénom ali");

        // A tie: refused, the reason in French, every field as typed, nothing stored.
        long decisions = count("jury_decision");
        var tie = post(
                course,
                "/app/jury/" + id + "/decisions",
                decision("nora", "VALIDE", 1, 1, 1, "Dossier <i>solide</i>", null));
        assertThat(tie.statusCode()).isEqualTo(400);
        assertThat(tie.body())
                .contains("Le vote ne convient pas : partage égal des voix (1 pour, 1 contre)")
                .contains("Dossier &lt;i&gt;solide&lt;/i&gt;</textarea>")
                .contains("Approfondir l&#39;accueil téléphonique</textarea>")
                .contains("value=\"VALIDE\" required checked")
                .contains("name=\"votesAbstention\" min=\"0\" max=\"30\" required value=\"1\"");
        var noOutcome = post(course, "/app/jury/" + id + "/decisions", decision("nora", null, 3, 0, 0, "Motif", null));
        assertThat(noOutcome.statusCode()).isEqualTo(400);
        assertThat(noOutcome.body()).contains("Choisissez la décision du jury.");
        assertThat(count("jury_decision")).isEqualTo(decisions);

        var valid = post(
                course,
                "/app/jury/" + id + "/decisions",
                decision("nora", "VALIDE", 3, 0, 0, "Entretien convaincant", null));
        assertThat(valid.statusCode()).as(valid.body()).isEqualTo(200);
        assertThat(valid.body())
                .contains("Décision enregistrée : B4 validé.")
                .contains("B4 — validé")
                .contains("3 voix pour la décision « validé », 0 contre, aucune abstention.")
                .contains("Recours sur le bloc B4");
        JsonNode results = AgsCourse.json(
                course.trainer.get("/api/v1/learners/nora/results").body());
        assertThat(results.at("/blocs/3/decision").asText()).isEqualTo("VALIDE");

        // A recours: refused without grounds (the date kept), then recorded, then decided on recours.
        long recoursBefore = count("jury_recours");
        var noGrounds =
                post(course, "/app/jury/" + id + "/recours", "learnerId=nora&blocCode=B4&filedOn=2026-12-02&grounds=");
        assertThat(noGrounds.statusCode()).isEqualTo(400);
        assertThat(noGrounds.body()).contains("Indiquez les motifs du recours").contains("value=\"2026-12-02\"");
        assertThat(count("jury_recours")).isEqualTo(recoursBefore);
        var filed = post(
                course,
                "/app/jury/" + id + "/recours",
                "learnerId=nora&blocCode=B4&filedOn=2026-12-02&grounds=Vote+contest%C3%A9");
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(200);
        assertThat(count("jury_recours")).isEqualTo(recoursBefore + 1);
        assertThat(filed.body()).contains("Recours sur B4 enregistré").contains("Sur recours");
        long recoursId =
                jdbc.sql("select max(id) from jury_recours").query(Long.class).single();
        // Filed after this session: the next session, held on or after the day it was filed, decides it.
        var next = post(
                course, "/app/jury", "heldOn=2026-12-03&place=Lyon+OPCO" + members("EMPLOYEURS") + "&candidate=nora");
        long nextId = Long.parseLong(
                next.headers().firstValue("HX-Push-Url").orElseThrow().substring("/app/jury/".length()));
        var onRecours = post(
                course,
                "/app/jury/" + nextId + "/decisions",
                decision("nora", "NON_VALIDE", 2, 1, 0, "Recours examiné", "" + recoursId));
        assertThat(onRecours.statusCode()).as(onRecours.body()).isEqualTo(200);
        assertThat(onRecours.body())
                .contains("B4 — non validé")
                .contains("(sur recours)")
                .contains("B4 — déposé le 02/12/2026")
                .contains(">décidé</span>");
        assertThat(jdbc.sql("select outcome from jury_decision where recours_id = :r")
                        .param("r", recoursId)
                        .query(String.class)
                        .single())
                .isEqualTo("NON_VALIDE");
        // Deciding the same recours again is refused in the form.
        var again = post(
                course,
                "/app/jury/" + nextId + "/decisions",
                decision("nora", "VALIDE", 3, 0, 0, "Encore", "" + recoursId));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("déjà été décidé");

        // AJOURNE: not validated, to be presented again; the evaluation goes on (judgments not locked).
        var adjourned = post(
                course,
                "/app/jury/" + id + "/decisions",
                decision("nora", "AJOURNE", 2, 0, 1, "À présenter de nouveau après la période en entreprise", null));
        assertThat(adjourned.statusCode()).as(adjourned.body()).isEqualTo(200);
        assertThat(adjourned.body())
                .contains("Décision enregistrée : B4 ajourné.")
                .contains("B4 — ajourné");
        JsonNode after = AgsCourse.json(
                        course.trainer.get("/api/v1/learners/nora/results").body())
                .at("/blocs/3");
        assertThat(after.get("state").asText()).isEqualTo("AJOURNE");
        assertThat(after.get("decision").asText()).isEqualTo("AJOURNE");
        course.judge("nora", "C9.2", "EN_COURS");
        JsonNode score = course.lastScore(
                "nora",
                4,
                java.time.Duration.ofSeconds(20),
                s -> s.get("comment").asText().contains("ajourné"));
        assertThat(score.get("comment").asText()).startsWith("Bloc ajourné par le jury, à présenter de nouveau");
        assertThat(score.get("activityProgress").asText()).isEqualTo("InProgress");

        // A candidate not presented, and a learner, are refused.
        assertThat(post(course, "/app/jury/" + id + "/decisions", decision("ali", "VALIDE", 3, 0, 0, "x", null))
                        .body())
                .doesNotContain("Décision enregistrée");
        LtiClient learner = course.learner("nora");
        Map<String, String> headers =
                new HashMap<>(learner.csrfHeaders(learner.get("/app").body()));
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        assertThat(learner.send(
                                "POST",
                                "/app/jury/" + id + "/decisions",
                                decision("nora", "VALIDE", 3, 0, 0, "x", null),
                                headers)
                        .statusCode())
                .isEqualTo(403);
    }

    static long created(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        return Long.parseLong(
                created.headers().firstValue("HX-Push-Url").orElseThrow().substring("/app/jury/".length()));
    }

    @Test
    void theJuryPageRefusesWhatTheDatesDoNotAllowSaysWhyAndShowsAPendingRecoursOnItsBloc() {
        AgsCourse course = new AgsCourse(this, LMS, registry, "sami");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        LocalDate ahead = today.plusDays(8);

        // A session planned ahead is recorded; a decision in it, before its date, is refused (409), what was typed
        // kept, the reason from the bundles.
        var plannedPage = post(
                course,
                "/app/jury",
                "heldOn=" + ahead + "&place=Lyon+OPCO" + members("EMPLOYEURS") + "&candidate=sami");
        long planned = created(plannedPage);
        assertThat(Jsoup.parse(plannedPage.body()).select("p.planned").text())
                .isEqualTo("Session prévue le " + ahead.format(DAY)
                        + " : ses décisions s'enregistreront à partir de cette date.");
        long decisions = count("jury_decision");
        var early = post(
                course,
                "/app/jury/" + planned + "/decisions",
                decision("sami", "VALIDE", 3, 0, 0, "Entretien <b>solide</b>", null));
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(early.body())
                .contains("Cette session du jury est datée du " + ahead.format(DAY)
                        + " : ses décisions s&#39;enregistrent à partir de cette date, pas avant.")
                .contains("Entretien &lt;b&gt;solide&lt;/b&gt;</textarea>")
                .contains("value=\"VALIDE\" required checked")
                .doesNotContain("not held yet");
        assertThat(count("jury_decision")).isEqualTo(decisions);

        // A session held, whose rules give the président a casting vote: a tie decided by it, said so.
        long held = created(post(
                course,
                "/app/jury",
                "heldOn=2026-12-01&place=Lyon+OPCO" + members("EMPLOYEURS") + "&candidate=sami"
                        + "&presidentCastingVote=true"));
        Document page = Jsoup.parse(course.trainer.get("/app/jury/" + held).body());
        assertThat(page.select("ul.jury-members li").eachText())
                .containsExactly(
                        "Claire Martin — Président(e) du jury · Collège employeurs",
                        "Nadia Benali — Représentant(e) des employeurs · Collège employeurs",
                        "Paul Durand — Représentant(e) des salariés · Collège salariés",
                        "Luc Moreau — Rapporteur(e), sans droit de vote");
        assertThat(page.text())
                .contains("En cas de partage égal des voix, la présidence du jury a voix prépondérante.")
                .doesNotContain("Session prévue");
        assertThat(page.select("button[data-print]").text()).isEqualTo("Imprimer les dossiers de la session");
        assertThat(page.select("#decide-sami-B1 input[name=castingVote]")).hasSize(1);
        assertThat(page.select("#decide-sami-B1 .votes label").eachText())
                .startsWith("Pour la décision", "Contre la décision", "Abstentions");
        var tie = post(
                course,
                "/app/jury/" + held + "/decisions",
                decision("sami", "B1", "NON_VALIDE", 1, 1, 1, "Dossier incomplet", null) + "&castingVote=true");
        assertThat(tie.statusCode()).as(tie.body()).isEqualTo(200);
        assertThat(tie.body())
                .contains("1 voix pour la décision « non validé », 1 contre, 1 abstention.")
                .contains(
                        "Partage égal des voix : la voix prépondérante de la présidence du jury a emporté la décision.");
        assertThat(post(
                                course,
                                "/app/jury/" + held + "/decisions",
                                decision("sami", "VALIDE", 3, 0, 0, "Entretien convaincant", null))
                        .body())
                .contains("3 voix pour la décision « validé », 0 contre, aucune abstention.");

        // A recours dated in the future: refused, the date and grounds kept.
        long recoursBefore = count("jury_recours");
        var future = post(
                course,
                "/app/jury/" + held + "/recours",
                "learnerId=sami&blocCode=B1&filedOn=" + ahead + "&grounds=Entretien+%C3%A9court%C3%A9");
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.body())
                .contains("Le " + ahead.format(DAY) + " est une date à venir")
                .contains("value=\"" + ahead + "\"")
                .contains("Entretien écourté</textarea>");
        assertThat(count("jury_recours")).isEqualTo(recoursBefore);

        // Filed: the B1 row says a recours is pending, the B4 row does not; listed under its own heading, not
        // under the last decision of the history.
        var filed = post(
                course,
                "/app/jury/" + held + "/recours",
                "learnerId=sami&blocCode=B1&filedOn=" + today + "&grounds=Entretien+%C3%A9court%C3%A9");
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(200);
        Document candidate = Jsoup.parse(filed.body());
        assertThat(candidate.select("#recours-flag-sami-B1").text())
                .isEqualTo("Recours en attente (déposé le " + today.format(DAY) + ")");
        assertThat(candidate
                        .selectFirst("#recours-flag-sami-B1")
                        .closest("tr")
                        .child(0)
                        .text())
                .isEqualTo("B1");
        assertThat(candidate.select(".recours-flag")).hasSize(1);
        assertThat(candidate.select("ol.jury-history").text()).doesNotContain("déposé le");
        Element recoursList = candidate.selectFirst("ul.jury-recours-list");
        assertThat(recoursList.previousElementSibling().text()).isEqualTo("Recours");
        assertThat(recoursList.select("li").eachText())
                .containsExactly("B1 — déposé le " + today.format(DAY) + " en attente de décision Motifs : Entretien"
                        + " écourté");

        // In English, the same refusals in English.
        LtiClient english = course.englishTrainer();
        Map<String, String> headers = AgsCourse.headers(english, "application/x-www-form-urlencoded");
        headers.put("HX-Request", "true");
        var englishFuture = english.send(
                "POST",
                "/app/jury/" + held + "/recours",
                "learnerId=sami&blocCode=B1&filedOn=" + ahead + "&grounds=Short",
                headers);
        assertThat(englishFuture.statusCode()).isEqualTo(400);
        assertThat(englishFuture.body())
                // Dates as an English page writes them (« Dec 15, 2026 »), not dd/mm.
                .contains(ahead.format(ENGLISH_DAY) + " is a date to come: an appeal is recorded once filed")
                .contains("Appeal pending (filed on " + today.format(ENGLISH_DAY) + ")");
    }

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final DateTimeFormatter ENGLISH_DAY = DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
            .withLocale(java.util.Locale.ENGLISH);

    @Test
    void aSessionsMembersAreInvitedAndToldOfAChangeFromThePages() {
        AgsCourse course = new AgsCourse(this, LMS, registry, "ines", "hugo");
        String president = "president-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@jury.example";
        assertThat(course.trainer.get("/app/jury").body()).contains("name=\"memberEmail\"");

        // An address that is not one is refused, and nothing stored.
        long sessions = count("jury_session");
        var refused = post(
                course,
                "/app/jury",
                "heldOn=2026-12-01&place=Rouen"
                        + members("EMPLOYEURS")
                                .replaceFirst(
                                        "memberRole=PRESIDENT", "memberRole=PRESIDENT&memberEmail=pas-une-adresse")
                        + "&candidate=ines");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Le courriel d&#39;un membre n&#39;est pas une adresse valide.");
        assertThat(count("jury_session")).isEqualTo(sessions);

        var created = post(
                course,
                "/app/jury",
                "heldOn=2026-12-01&place=Rouen"
                        + members("EMPLOYEURS")
                                .replaceFirst("memberRole=PRESIDENT", "memberRole=PRESIDENT&memberEmail=" + president)
                        + "&candidate=ines");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        long id = Long.parseLong(
                created.headers().firstValue("HX-Push-Url").orElseThrow().substring("/app/jury/".length()));
        Document page = Jsoup.parse(created.body());
        Element schedule = page.selectFirst("form[action=\"/app/jury/" + id + "/schedule\"]");
        assertThat(schedule).isNotNull();
        assertThat(schedule.selectFirst("input[name=_csrf]")).isNotNull();
        assertThat(invitation(president, "revision")).isEqualTo("0");

        // An empty place is refused on the session's page; the session is unchanged.
        var noPlace = post(course, "/app/jury/" + id + "/schedule", "heldOn=2026-12-15&place=");
        assertThat(noPlace.statusCode()).isEqualTo(400);
        assertThat(noPlace.body()).contains("Indiquez le lieu de la session");
        assertThat(invitation(president, "revision")).isEqualTo("0");

        var moved = post(course, "/app/jury/" + id + "/schedule", "heldOn=2026-12-15&place=Le+Havre");
        assertThat(moved.statusCode()).isIn(200, 302);
        // No SMTP server in this context: the invitation still waits, and now says the new date and place.
        assertThat(invitation(president, "revision")).isEqualTo("1");
        assertThat(invitation(president, "place")).isEqualTo("Le Havre");
        assertThat(invitation(president, "heldOn")).isEqualTo("2026-12-15");
        assertThat(course.trainer.get("/app/jury/" + id).body()).contains("Le Havre");
    }

    String invitation(String recipient, String param) {
        return jdbc.sql("select params->>:p from notification where recipient = :r and type = 'jury-session'")
                .param("p", param)
                .param("r", recipient)
                .query(String.class)
                .single();
    }
}
