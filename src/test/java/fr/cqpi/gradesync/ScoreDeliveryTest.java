package fr.cqpi.gradesync;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import fr.cqpi.lti.ToolKeys;
import fr.cqpi.support.Json;
import fr.cqpi.support.LtiClient;
import fr.cqpi.support.MoodleGradebook;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * A bloc's result reaches a Moodle-shaped gradebook: the score, its column, the signed token request, and
 * Moodle's rule that each score be later, in whole seconds, than the one it holds.
 */
@ExtendWith(OutputCaptureExtension.class)
class ScoreDeliveryTest extends GradebookTest {

    @Autowired
    ToolKeys toolKeys;

    @Autowired
    MeterRegistry metrics;

    @Test
    void aJudgmentReachesTheMoodleGradebookWithItsScore() throws Exception {
        moodleCourse("amina");
        judge("amina", "C1.1", "ACQUIS");
        await().atMost(WAIT).untilAsserted(() -> assertThat(scoresPosted()).hasSize(1));
        LoggedRequest score = scoresPosted().get(0);
        assertThat(score.getUrl()).isEqualTo(prefix + "/lineitems/1/lineitem/scores?type_id=1");
        assertThat(score.getHeader("Content-Type")).isEqualTo("application/vnd.ims.lis.v1.score+json");
        assertThat(score.getHeader("Authorization")).isEqualTo("Bearer tok-" + platform.clientId());
        JsonNode body = body(score);
        assertThat(body.get("userId").asText()).isEqualTo("amina");
        assertThat(body.get("scoreGiven").decimalValue()).isEqualByComparingTo("3.33");
        assertThat(body.get("scoreMaximum").asInt()).isEqualTo(100);
        assertThat(body.get("activityProgress").asText()).isEqualTo("InProgress");
        assertThat(body.get("gradingProgress").asText()).isEqualTo("Pending");
        assertThat(body.get("comment").asText()).startsWith("Bloc en cours d'évaluation");
        assertThat(body.get("timestamp").asText()).endsWith("Z");

        // Four line items, one per bloc, labelled and tagged, for the resource link.
        await().atMost(WAIT).untilAsserted(() -> assertThat(columnsCreated()).hasSize(4));
        List<LoggedRequest> created = columnsCreated();
        JsonNode b1 = created.stream()
                .map(GradebookTest::body)
                .filter(b -> b.get("resourceId").asText().equals("B1"))
                .findFirst()
                .orElseThrow();
        assertThat(b1.get("label").asText())
                .isEqualTo("B1 — Suivi, coordination des informations et production de documents professionnels");
        assertThat(b1.get("tag").asText()).isEqualTo("cqpi-bloc");
        assertThat(b1.get("scoreMaximum").asInt()).isEqualTo(100);
        assertThat(b1.get("resourceLinkId").asText()).isEqualTo("grid-link");

        // The client assertion: signed by the tool's key, iss = sub = client id, aud = token endpoint.
        LoggedRequest tokenRequest =
                LMS.findAll(postRequestedFor(urlPathEqualTo(prefix + "/token"))).get(0);
        Map<String, String> form = LtiClient.queryOf("?" + tokenRequest.getBodyAsString());
        assertThat(form)
                .containsEntry("grant_type", "client_credentials")
                .containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        assertThat(form.get("scope")).contains(ServiceTokens.SCORE).contains(ServiceTokens.LINEITEM);
        SignedJWT assertion = SignedJWT.parse(form.get("client_assertion"));
        RSAKey key = (RSAKey)
                toolKeys.publicKeys().getKeyByKeyId(assertion.getHeader().getKeyID());
        assertThat(assertion.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(assertion.getJWTClaimsSet().getIssuer()).isEqualTo(platform.clientId());
        assertThat(assertion.getJWTClaimsSet().getSubject()).isEqualTo(platform.clientId());
        assertThat(assertion.getJWTClaimsSet().getAudience()).containsExactly(LMS.baseUrl() + prefix + "/token");
        assertThat(assertion.getJWTClaimsSet().getJWTID()).isNotBlank();

        // Deciding the bloc makes the grade final.
        for (String c : List.of("C1.2", "C1.3", "C1.4")) {
            judge("amina", c, "ACQUIS");
        }
        assertThat(trainer.get("/api/v1/grade-sync").body()).contains("amina");
    }

    @Test
    void theNewestStateAlwaysWins() {
        moodleCourse("sarah");
        String[] statuses = {"ACQUIS", "NON_ACQUIS", "EN_COURS", "ACQUIS", "NON_ACQUIS", "ACQUIS"};
        for (String s : statuses) {
            judge("sarah", "C1.1", s);
        }
        judge("sarah", "C1.2", "ACQUIS");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(status("sarah", "B1")).isEqualTo("SENT"));
        List<LoggedRequest> posted = scoresPosted();
        JsonNode last = body(posted.get(posted.size() - 1));
        assertThat(last.get("scoreGiven").decimalValue()).isEqualByComparingTo("6.67");
        // Each score later than the one before, in whole seconds (Moodle refuses any other).
        assertThat(sentSeconds(posted)).isSortedAccordingTo(Long::compare).doesNotHaveDuplicates();
    }

    @Test
    void aWholeBlocSavedWithinASecondEndsInMoodleWithItsFinalGrade() {
        moodleCourse("yasmine");
        long start = System.nanoTime();
        for (int c = 1; c <= 11; c++) {
            judge("yasmine", "C9." + c, "ACQUIS");
        }
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        await().atMost(WAIT).untilAsserted(() -> {
            MoodleGradebook.Grade held = MoodleGradebook.INSTANCE.grade(prefix + B4_SCORES, "yasmine");
            assertThat(held).isNotNull();
            assertThat(held.feedback())
                    .isEqualTo("Bloc évalué, proposition favorable au jury — 11 critères acquis sur 11");
            assertThat(held.finalGrade()).isEqualByComparingTo("100");
            assertThat(status("yasmine", "B4")).isEqualTo("SENT");
        });
        assertThat(elapsedMs).as("11 saves, several within one second").isLessThan(11_000);
        List<Long> accepted = acceptedSeconds(B4_SCORES, "yasmine");
        assertThat(accepted).isSortedAccordingTo(Long::compare).doesNotHaveDuplicates();
        // Every score the tool sent is later, in whole seconds, than the one before it.
        List<Long> sent = sentSeconds(scoresPosted().stream()
                .filter(r -> r.getUrl().startsWith(prefix + B4_SCORES))
                .toList());
        assertThat(sent).isSortedAccordingTo(Long::compare).doesNotHaveDuplicates();
    }

    @Test
    void aScoreRefusedForItsTimestampGoesAgainLaterAndTheRefusalIsShown(CapturedOutput output) throws Exception {
        moodleCourse("zoe");
        // Moodle's clock is 3 s ahead of the tool's: the grade it stored as pending carries its own time.
        long ahead = Instant.now().getEpochSecond() + 3;
        MoodleGradebook.INSTANCE.hold(prefix + B1_SCORES, "zoe", new MoodleGradebook.Grade(ahead, null, "avant"));
        judge("zoe", "C1.1", "ACQUIS");
        await().atMost(WAIT).untilAsserted(() -> assertThat(status("zoe", "B1")).isEqualTo("SENT"));
        List<MoodleGradebook.Answer> answers = MoodleGradebook.INSTANCE.answers(prefix + B1_SCORES);
        assertThat(answers).extracting(MoodleGradebook.Answer::status).contains(409);
        assertThat(answers.get(answers.size() - 1).status()).isEqualTo(200);
        assertThat(acceptedSeconds(B1_SCORES, "zoe"))
                .singleElement()
                .satisfies(s -> assertThat(s).isGreaterThan(ahead));
        assertThat(MoodleGradebook.INSTANCE.grade(prefix + B1_SCORES, "zoe").feedback())
                .isEqualTo("Bloc en cours d'évaluation — 1 critère acquis sur 30");

        assertThat(output.getOut())
                .containsPattern("WARN .*Platform refused the score of outbox row \\d+ .*HTTP 409 from [^:]+: "
                        + "Refusing score with an earlier timestamp for item 1 and user zoe");
        JsonNode api = Json.read(trainer.get("/api/v1/grade-sync").body());
        JsonNode row = StreamSupport.stream(api.get("rows").spliterator(), false)
                .filter(r -> r.get("learnerId").asText().equals("zoe"))
                .findFirst()
                .orElseThrow();
        assertThat(row.get("status").asText()).isEqualTo("SENT");
        assertThat(row.at("/lastRefusal/status").asInt()).isEqualTo(409);
        assertThat(row.at("/lastRefusal/message").asText())
                .contains("Refusing score with an earlier timestamp for item 1 and user zoe");
        assertThat(trainer.get("/app/sync").body())
                .contains("Dernier refus de la plateforme")
                .contains("Refusing score with an earlier timestamp for item 1 and user zoe");
        assertThat(metrics.get("cqpi.gradesync.platform.refusals")
                        .tag("status", "409")
                        .counter()
                        .count())
                .isPositive();
    }
}
