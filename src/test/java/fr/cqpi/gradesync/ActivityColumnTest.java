package fr.cqpi.gradesync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fr.cqpi.support.Json;
import fr.cqpi.support.MoodleGradebook;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The activity's own column (the launch's {@code lineitem} claim): the share of all criteria acquired. */
class ActivityColumnTest extends GradebookTest {

    static final String ACTIVITY_SCORES = "/lineitems/99/lineitem/scores";

    /** Every criterion code of the référentiel, in its order. */
    List<String> criteria() throws Exception {
        JsonNode referentiel = Json.read(trainer.get("/api/v1/referentiel").body());
        return referentiel.findValues("criteria").stream()
                .flatMap(c -> StreamSupport.stream(c.spliterator(), false))
                .map(c -> c.get("code").asText())
                .toList();
    }

    @Test
    void theActivitysOwnColumnReceivesTheShareOfAllCriteriaAcquired() throws Exception {
        newGradebook("moodle");
        stubMoodleLineItems();
        stubMoodleScores();
        launchAllWithActivity(moodleLineItems(), LMS.baseUrl() + prefix + "/lineitems/99/lineitem?type_id=1", "ines");
        judge("ines", "C1.1", "ACQUIS");
        judge("ines", "C1.2", "ACQUIS");
        // The activity's column: 2 of the 80 criteria, sent like a bloc's score, to the launch's line item.
        await().atMost(WAIT).untilAsserted(() -> {
            MoodleGradebook.Grade held = MoodleGradebook.INSTANCE.grade(prefix + ACTIVITY_SCORES, "ines");
            assertThat(held).isNotNull();
            assertThat(held.feedback())
                    .isEqualTo("Évaluation en cours — 2 critères acquis sur 80 ; aucun bloc évalué sur 4");
            assertThat(status("ines", "ALL")).isEqualTo("SENT");
        });
        LoggedRequest first = scoresPosted().stream()
                .filter(r -> r.getUrl().startsWith(prefix + ACTIVITY_SCORES))
                .findFirst()
                .orElseThrow();
        assertThat(first.getUrl()).isEqualTo(prefix + ACTIVITY_SCORES + "?type_id=1");
        assertThat(first.getHeader("Content-Type")).isEqualTo(Scores.MEDIA_TYPE);
        JsonNode last = body(scoresPosted().stream()
                .filter(r -> r.getUrl().startsWith(prefix + ACTIVITY_SCORES))
                .reduce((a, b) -> b)
                .orElseThrow());
        assertThat(last.get("userId").asText()).isEqualTo("ines");
        assertThat(last.get("scoreGiven").decimalValue()).isEqualByComparingTo("2.50");
        assertThat(last.get("scoreMaximum").asInt()).isEqualTo(100);
        assertThat(last.get("activityProgress").asText()).isEqualTo("InProgress");
        assertThat(last.get("gradingProgress").asText()).isEqualTo("Pending");
        // The bloc columns are filled as before; the activity's column is not a bloc's and creates no line item.
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(status("ines", "B1")).isEqualTo("SENT"));
        assertThat(columnsCreated())
                .extracting(r -> body(r).get("resourceId").asText())
                .containsExactlyInAnyOrder("B1", "B2", "B3", "B4");

        // Every criterion judged, one NON_ACQUIS, many saves within a second: every bloc evaluated, so the
        // activity's grade is final (FullyGraded, Completed), and Moodle's whole-second rule loses nothing.
        List<String> codes = criteria();
        assertThat(codes).hasSize(80);
        for (String code : codes) {
            judge("ines", code, code.equals("C9.1") ? "NON_ACQUIS" : "ACQUIS");
        }
        await().atMost(WAIT).untilAsserted(() -> {
            MoodleGradebook.Grade held = MoodleGradebook.INSTANCE.grade(prefix + ACTIVITY_SCORES, "ines");
            assertThat(held.finalGrade()).isEqualByComparingTo("98.75");
            assertThat(held.feedback())
                    .isEqualTo("Les 4 blocs sont évalués — 79 critères acquis sur 80 ; aucun bloc validé par le jury");
            assertThat(status("ines", "ALL")).isEqualTo("SENT");
        });
        JsonNode graded = body(scoresPosted().stream()
                .filter(r -> r.getUrl().startsWith(prefix + ACTIVITY_SCORES))
                .reduce((a, b) -> b)
                .orElseThrow());
        assertThat(graded.get("activityProgress").asText()).isEqualTo("Completed");
        assertThat(graded.get("gradingProgress").asText()).isEqualTo("FullyGraded");
        List<Long> sent = sentSeconds(scoresPosted().stream()
                .filter(r -> r.getUrl().startsWith(prefix + ACTIVITY_SCORES))
                .toList());
        assertThat(sent).isSortedAccordingTo(Long::compare).doesNotHaveDuplicates();

        // The sync page and the API show it apart from the blocs.
        JsonNode api = Json.read(trainer.get("/api/v1/grade-sync").body());
        assertThat(StreamSupport.stream(api.get("rows").spliterator(), false)
                        .map(r -> r.get("blocCode").asText())
                        .toList())
                .containsExactly("ALL", "B1", "B2", "B3", "B4");
        assertThat(trainer.get("/app/sync").body()).contains("Activité (résultat global)");
    }

    @Test
    void aLaunchWithoutALineItemClaimGetsNoOverallScore() {
        moodleCourse("jules");
        judge("jules", "C1.1", "ACQUIS");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(status("jules", "B1")).isEqualTo("SENT"));
        trainer.send("POST", "/app/sync/course", "", trainerApi);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(status("jules", "B4")).isEqualTo("SENT"));
        assertThat(status("jules", "ALL")).isEqualTo("NONE");
        assertThat(scoresPosted())
                .extracting(LoggedRequest::getUrl)
                .allMatch(url -> url.matches(Pattern.quote(prefix) + "/lineitems/[1-4]/lineitem/scores.*"));
    }

    @Test
    void aLineItemClaimAfterJudgmentsFillsTheActivitysColumnAtTheNextTrainerLaunch() {
        moodleCourse("louis");
        judge("louis", "C1.1", "ACQUIS");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(status("louis", "B1")).isEqualTo("SENT"));
        assertThat(status("louis", "ALL")).isEqualTo("NONE");
        // The teacher turns grades on in the activity: the next launch names its column.
        launchAllWithActivity(moodleLineItems(), LMS.baseUrl() + prefix + "/lineitems/99/lineitem?type_id=1");
        await().atMost(WAIT).untilAsserted(() -> {
            MoodleGradebook.Grade held = MoodleGradebook.INSTANCE.grade(prefix + ACTIVITY_SCORES, "louis");
            assertThat(held).isNotNull();
            assertThat(held.feedback())
                    .isEqualTo("Évaluation en cours — 1 critère acquis sur 80 ; aucun bloc évalué sur 4");
        });
    }
}
