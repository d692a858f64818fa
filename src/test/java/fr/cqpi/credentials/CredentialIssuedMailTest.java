package fr.cqpi.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.cqpi.support.AgsCourse;
import fr.cqpi.support.Json;
import fr.cqpi.support.ReceivedMail;
import fr.cqpi.support.TestSmtp;
import fr.cqpi.support.ToolIntegrationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A candidate whose bloc the jury validates is told by e-mail, read from a real SMTP server, that a digital credential
 * was issued to them — without which bloc, nor the decision.
 */
class CredentialIssuedMailTest extends ToolIntegrationTest {

    // The same settings as TutorSignInMailTest: one application context for both.
    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        TestSmtp.properties().forEach((k, v) -> registry.add(k, () -> v));
        registry.add("cqpi.notifications.poll-interval", () -> "200ms");
    }

    @Test
    void theCandidateIsToldACredentialWasIssuedWithoutWhichOne() {
        String learner = "cand" + System.nanoTime();
        AgsCourse course = new AgsCourse(this, LMS, registry, learner);
        var session = course.trainer.send(
                "POST",
                "/api/v1/jury-sessions",
                "{\"heldOn\": \"2026-12-01\", \"place\": \"Lyon\", \"members\": " + CredentialsTest.MEMBERS
                        + ", \"candidates\": [\"" + learner + "\"]}",
                course.trainerHeaders);
        assertThat(session.statusCode()).as(session.body()).isEqualTo(201);
        long id = Json.read(session.body()).get("id").asLong();
        var decided = course.trainer.send(
                "POST",
                "/api/v1/jury-sessions/" + id + "/decisions",
                "{\"learnerId\": \"" + learner + "\", \"blocCode\": \"B4\", \"outcome\": \"VALIDE\", \"votesFor\": 3,"
                        + " \"votesAgainst\": 0, \"votesAbstention\": 0, \"reason\": \"Motif du jury\"}",
                course.trainerHeaders);
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(201);

        String address = learner + "@moodle.example";
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(TestSmtp.to(address)).hasSize(2));
        List<ReceivedMail> mails =
                TestSmtp.to(address).stream().map(ReceivedMail::of).toList();
        ReceivedMail credential = mails.stream()
                .filter(m -> m.subject().equals("Une certification numérique vous a été délivrée")
                        || m.subject().equals("A digital credential has been issued to you"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        mails.stream().map(ReceivedMail::subject).toList()));
        assertThat(credential.body()).contains("http://localhost:" + port + "/app/me");
        assertThat(credential.everything())
                .doesNotContain("B4")
                .doesNotContain("Motif du jury")
                .doesNotContainPattern("(?iU)\\b(non[ _-]?)?valid(e|é|ée|ated)?\\b");
    }
}
