package fr.cqpi.evaluation;

import static fr.cqpi.support.TestPlatform.INSTRUCTOR;
import static fr.cqpi.support.TestPlatform.LEARNER;
import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.LtiClient;
import fr.cqpi.support.TestPlatform;
import fr.cqpi.support.ToolIntegrationTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a trainer typed is never lost, over real HTTP through the grid's own requests (htmx forms): a bulk action
 * keeps comments and modalities unless asked to replace them; a save refused for a conflict or a fault gives the
 * typed value back in the form, beside the other trainer's value.
 */
class NothingLostTest extends ToolIntegrationTest {

    TestPlatform moodle;
    String course;
    LtiClient claire;
    Map<String, String> claireHeaders;
    LtiClient marc;
    Map<String, String> marcHeaders;

    @BeforeEach
    void launches() {
        moodle = newPlatform("moodle");
        course = "course-" + System.nanoTime();
        launched("amina", LEARNER);
        claire = launched("claire", INSTRUCTOR);
        claireHeaders = claire.pageHeaders();
        marc = launched("marc", INSTRUCTOR);
        marcHeaders = marc.pageHeaders();
    }

    LtiClient launched(String sub, String role) {
        return launched(moodle, sub, role, course);
    }

    HttpResponse<String> save(LtiClient who, Map<String, String> headers, String criterion, String... keyValues) {
        return who.send("PUT", "/app/learners/amina/judgments/" + criterion, LtiClient.form(keyValues), headers);
    }

    HttpResponse<String> bulk(String competence, String... keyValues) {
        return claire.send(
                "POST", "/app/learners/amina/competences/" + competence, LtiClient.form(keyValues), claireHeaders);
    }

    /** Status, modality and comment stored for the criterion. */
    List<String> stored(String criterion) {
        return jdbc.sql("""
                        select j.status, coalesce(j.modality, '-'), coalesce(j.comment, '-') from judgment j
                        join lti_user u on u.id = j.learner_id
                        where u.platform_id = :p and u.sub = 'amina' and j.criterion_code = :c""")
                .param("p", moodle.platform().id())
                .param("c", criterion)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                .single();
    }

    /** The criterion's form in a response (the part before the other trainer's value). */
    static String form(String html, String criterion) {
        Matcher m = Pattern.compile("(?s)<form class=\"judgment\".*?</form>").matcher(html);
        assertThat(m.find()).as(html).isTrue();
        return m.group();
    }

    static String selected(String form, String name) {
        Matcher select = Pattern.compile("(?s)<select[^>]*name=\"" + name + "\"[^>]*>(.*?)</select>")
                .matcher(form);
        assertThat(select.find()).as(form).isTrue();
        Matcher option = Pattern.compile("<option value=\"([^\"]*)\"[^>]*\\sselected=\"selected\"")
                .matcher(select.group(1));
        return option.find() ? option.group(1) : "";
    }

    /** The status checked in a criterion's segmented control (radios). */
    static String checked(String form) {
        Matcher radio = Pattern.compile(
                        "<input type=\"radio\" name=\"status\"[^>]*value=\"([A-Z_]+)\"[^>]*checked=\"checked\"")
                .matcher(form);
        return radio.find() ? radio.group(1) : "";
    }

    static String textarea(String form) {
        Matcher m = Pattern.compile("(?s)<textarea[^>]*name=\"comment\"[^>]*>(.*?)</textarea>")
                .matcher(form);
        assertThat(m.find()).as(form).isTrue();
        return m.group(1);
    }

    static String version(String form) {
        Matcher m = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(form);
        assertThat(m.find()).as(form).isTrue();
        return m.group(1);
    }

    @Test
    void aBulkActionKeepsCommentsAndModalitiesUnlessTheTrainerChoseToReplaceThem() {
        assertThat(save(
                                claire,
                                claireHeaders,
                                "C1.1",
                                "status",
                                "ACQUIS",
                                "modality",
                                "OBSERVATION",
                                "comment",
                                "Recherche complète",
                                "version",
                                "0")
                        .statusCode())
                .isEqualTo(200);
        assertThat(save(
                                claire,
                                claireHeaders,
                                "C1.2",
                                "status",
                                "EN_COURS",
                                "modality",
                                "",
                                "comment",
                                "À revoir",
                                "version",
                                "0")
                        .statusCode())
                .isEqualTo(200);

        // The page says what the bulk action does to them, both ways, and offers the choice.
        String grid = claire.get("/app/learners/amina").body();
        assertThat(grid)
                .contains("Appliquer ce statut aux 4 critères de la compétence C1 ? Leurs commentaires et leurs"
                        + " modalités sont conservés (la modalité choisie ne va qu&#39;aux critères qui n&#39;en"
                        + " ont pas).")
                .contains("data-confirm-replace=\"Appliquer ce statut et cette modalité aux 4 critères de la"
                        + " compétence C1 ? Leurs modalités seront remplacées et leurs commentaires effacés.\"")
                .contains("name=\"replace\"")
                .contains("Remplacer aussi les modalités et effacer les commentaires");

        // Not ticked: statuses set; comments kept; modalities kept, the chosen one only where there was none.
        var kept = bulk("C1", "status", "ACQUIS", "modality", "ENTRETIEN");
        assertThat(kept.statusCode()).isEqualTo(200);
        assertThat(stored("C1.1")).containsExactly("ACQUIS", "OBSERVATION", "Recherche complète");
        assertThat(stored("C1.2")).containsExactly("ACQUIS", "ENTRETIEN", "À revoir");
        assertThat(stored("C1.3")).containsExactly("ACQUIS", "ENTRETIEN", "-");
        assertThat(kept.body()).contains("Recherche complète").contains("À revoir");

        // Ticked: modalities replaced (here by none) and comments removed, as the confirmation said.
        assertThat(bulk("C1", "status", "NON_ACQUIS", "modality", "", "replace", "true")
                        .statusCode())
                .isEqualTo(200);
        assertThat(stored("C1.1")).containsExactly("NON_ACQUIS", "-", "-");
        assertThat(stored("C1.2")).containsExactly("NON_ACQUIS", "-", "-");
        assertThat(stored("C1.4")).containsExactly("NON_ACQUIS", "-", "-");
    }

    @Test
    void onAConflictWhatTheTrainerTypedStaysInTheFormBesideTheOtherTrainersValue() {
        // Both trainers opened the grid at version 0; Marc saves first.
        assertThat(save(
                                marc,
                                marcHeaders,
                                "C2.1",
                                "status",
                                "ACQUIS",
                                "modality",
                                "OBSERVATION",
                                "comment",
                                "Valeur de Marc",
                                "version",
                                "0")
                        .statusCode())
                .isEqualTo(200);
        var conflict = save(
                claire,
                claireHeaders,
                "C2.1",
                "status",
                "NON_ACQUIS",
                "modality",
                "ENTRETIEN",
                "comment",
                "Saisie de Claire <à garder>",
                "version",
                "0");
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(stored("C2.1")).containsExactly("ACQUIS", "OBSERVATION", "Valeur de Marc");

        String html = conflict.body();
        String form = form(html, "C2.1");
        // Claire's value, in the form, not saved (the page asks before leaving it); the version is Marc's, so that
        // saving it again is her choice.
        assertThat(checked(form)).isEqualTo("NON_ACQUIS");
        assertThat(selected(form, "modality")).isEqualTo("ENTRETIEN");
        assertThat(textarea(form)).isEqualTo("Saisie de Claire &lt;à garder&gt;");
        assertThat(form).contains("data-unsaved=\"true\"").contains("Enregistrer ma saisie");
        assertThat(version(form)).isEqualTo("1");
        assertThat(html)
                .contains("Prénom marc a enregistré ce critère pendant votre saisie")
                .contains("class=\"criterion unsaved conflict\"");
        // Marc's value beside it, with the way to keep it.
        Matcher theirs =
                Pattern.compile("(?s)<div class=\"their-value\".*?</button>").matcher(html);
        assertThat(theirs.find()).isTrue();
        assertThat(theirs.group())
                .contains("Valeur enregistrée par Prénom marc le")
                .contains("Acquis")
                .contains("Observation")
                .contains("Valeur de Marc")
                .contains("hx-get=\"/app/learners/amina/judgments/C2.1\"")
                .contains("Garder cette valeur");

        // « Garder cette valeur »: the criterion as stored, nothing unsaved left.
        var keep = claire.get("/app/learners/amina/judgments/C2.1", claireHeaders);
        assertThat(keep.statusCode()).isEqualTo(200);
        String fresh = form(keep.body(), "C2.1");
        assertThat(checked(fresh)).isEqualTo("ACQUIS");
        assertThat(textarea(fresh)).isEqualTo("Valeur de Marc");
        assertThat(fresh).doesNotContain("data-unsaved");
        assertThat(keep.body()).doesNotContain("their-value");

        // « Enregistrer ma saisie »: the form as it came back saves Claire's value over Marc's.
        var mine = save(
                claire,
                claireHeaders,
                "C2.1",
                "status",
                "NON_ACQUIS",
                "modality",
                "ENTRETIEN",
                "comment",
                "Saisie de Claire <à garder>",
                "version",
                version(form));
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(stored("C2.1")).containsExactly("NON_ACQUIS", "ENTRETIEN", "Saisie de Claire <à garder>");
        assertThat(form(mine.body(), "C2.1")).doesNotContain("data-unsaved");
        assertThat(mine.body()).contains("✓ Enregistré");
    }

    @Test
    void aRefusedSaveGivesWhatWasTypedBack() {
        String tooLong = "x".repeat(4001);
        var refused = save(
                claire, claireHeaders, "C3.1", "status", "ACQUIS", "modality", "", "comment", tooLong, "version", "0");
        assertThat(refused.statusCode()).isEqualTo(400);
        String form = form(refused.body(), "C3.1");
        assertThat(textarea(form)).isEqualTo(tooLong);
        assertThat(checked(form)).isEqualTo("ACQUIS");
        assertThat(form)
                .contains("data-unsaved=\"true\"")
                .contains("Le commentaire dépasse 4 000 caractères.")
                .contains("Votre saisie est gardée dans le formulaire.");
        assertThat(version(form)).isEqualTo("0");
    }

    @Test
    void anUnknownCriterionIsNotFound() {
        assertThat(claire.get("/app/learners/amina/judgments/C99.1", claireHeaders)
                        .statusCode())
                .isEqualTo(404);
    }
}
