package fr.cqpi.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import fr.cqpi.database.EmbeddedPostgresServer;
import fr.cqpi.documents.Documents;
import fr.cqpi.evaluation.EvaluationQueries;
import fr.cqpi.evaluation.EvaluationSessions;
import fr.cqpi.evaluation.Results;
import fr.cqpi.jury.Jury;
import fr.cqpi.jury.JuryInputs;
import fr.cqpi.jury.JuryRefusedException;
import fr.cqpi.jury.JurySession;
import fr.cqpi.support.ReceivedMail;
import fr.cqpi.support.TestApplications;
import fr.cqpi.support.TestSmtp;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notifications by e-mail, read from a real SMTP server: who receives what, in which language, with nothing
 * confidential; the jury's iCalendar invitation and its updates; delivery across an SMTP outage, a restart and
 * several instances, never twice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class NotificationsTest {

    /** Short retries, so that an outage of a few seconds is crossed within the test. */
    static final Map<String, String> QUICK = Map.of(
            "cqpi.notifications.poll-interval", "200ms",
            "cqpi.notifications.retry-base", "300ms",
            "cqpi.notifications.retry-max", "1s");

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        TestSmtp.properties().forEach((k, v) -> registry.add(k, () -> v));
        QUICK.forEach((k, v) -> registry.add(k, () -> v));
    }

    @Autowired
    ApplicationContext tool;

    @Autowired
    EmbeddedPostgresServer database;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    static List<ReceivedMail> mails(String address, int expected) {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(TestSmtp.to(address)).hasSize(expected));
        return TestSmtp.to(address).stream().map(ReceivedMail::of).toList();
    }

    @Test
    void everyoneConcernedIsToldInTheirLanguageAndNoMessageSaysAJudgmentACommentOrAGrade() {
        NotificationCohort cohort = NotificationCohort.seed(tool);
        cohort.judgeWithADivergence();
        JurySession session = cohort.session("Salle 2, CCI de Rouen");
        cohort.decide(session.id(), cohort.candidateSub());
        cohort.decide(session.id(), cohort.silentSub());
        tool.getBean(Documents.class)
                .issueForLearner(
                        cohort.trainer(), cohort.candidateSub(), "LIVRET", Locale.FRENCH, "http://localhost:" + port);

        List<ReceivedMail> candidate = mails(cohort.candidateEmail(), 3);
        List<ReceivedMail> trainer = mails(cohort.trainerEmail(), 1);
        List<ReceivedMail> tutor = mails(cohort.tutorEmail(), 1);
        List<ReceivedMail> president = mails(cohort.presidentEmail(), 1);
        List<ReceivedMail> rapporteur = mails(cohort.rapporteurEmail(), 1);

        // The candidate's platform says en-US: English, with a link into the tool.
        assertThat(candidate)
                .extracting(ReceivedMail::subject)
                .containsExactlyInAnyOrder(
                        "Joint jury: a decision has been recorded",
                        "A document has been issued to you",
                        "A digital credential has been issued to you");
        assertThat(candidate).allSatisfy(m -> assertThat(m.body()).startsWith("Hello Amina Benali,"));
        assertThat(candidate.stream()
                        .filter(m -> m.subject().startsWith("Joint jury"))
                        .findFirst()
                        .orElseThrow()
                        .body())
                .contains("http://localhost:" + port + "/app/me");
        // The trainer (fr-FR) in French, the tutor (en) in English: the candidates to review before the jury.
        assertThat(trainer.get(0).subject()).startsWith("Divergences à résoudre avant le jury du ");
        assertThat(trainer.get(0).body())
                .contains("Un(e) candidat(e) présenté(e)")
                .contains("/app/jury/" + session.id());
        assertThat(tutor.get(0).subject()).startsWith("Divergences to resolve before the jury of ");
        assertThat(tutor.get(0).body())
                .containsPattern("http://localhost:" + port + "/app\\s")
                .doesNotContain("/app/jury/");
        // Jury members, not users of the platform: French, with the invitation.
        assertThat(president.get(0).subject()).startsWith("Convocation au jury paritaire du ");
        assertThat(president.get(0).attachmentNames()).containsExactly("invitation.ics");
        // The candidate without an e-mail address: no message, counted.
        assertThat(cohort.count(JuryDecisionMail.TYPE, session.id(), "NO_ADDRESS"))
                .isEqualTo(1);
        assertThat(cohort.count(JuryDecisionMail.TYPE, session.id(), "SENT")).isEqualTo(1);

        Results.BlocResult bloc = tool.getBean(EvaluationQueries.class)
                .resultsOf(cohort.courseId(), cohort.trainer().userId() + 2)
                .bloc("B1")
                .orElseThrow();
        List<String> confidential = new ArrayList<>(List.of(
                NotificationCohort.TRAINER_COMMENT,
                NotificationCohort.TUTOR_COMMENT,
                NotificationCohort.REASON,
                NotificationCohort.PRECONISATIONS,
                "livret",
                "/ 100",
                NotificationCohort.CRITERION));
        if (bloc.score() != null) {
            confidential.add(bloc.score().toPlainString());
        }
        for (List<ReceivedMail> each : List.of(candidate, trainer, tutor, president, rapporteur)) {
            for (ReceivedMail mail : each) {
                for (String secret : confidential) {
                    assertThat(mail.everything()).as(mail.subject()).doesNotContainIgnoringCase(secret);
                }
                // The jury's outcomes and the judgments' statuses, in either language, as words.
                assertThat(mail.everything())
                        .as(mail.subject())
                        .doesNotContainPattern(
                                "(?iU)\\b(non[ _-]?)?(valid(e|é|ée|ated)?|acquis|ajourn(e|é|ée|ed)|en[ _]cours)\\b");
            }
        }
    }

    @Test
    void theTutorsAreToldWhenAnEvaluationSessionOpensInTheirLanguage() {
        NotificationCohort cohort = NotificationCohort.seed(tool);
        tool.getBean(EvaluationSessions.class).open(cohort.trainer(), "EVALUATION_FINALE", "2026-12-18", "Atelier");

        ReceivedMail mail = mails(cohort.tutorEmail(), 1).get(0);
        assertThat(mail.subject())
                .startsWith("Your observation is expected: the final evaluation of ")
                .contains("2026");
        assertThat(mail.body()).startsWith("Hello Tom Girard,").containsPattern("http://localhost:" + port + "/app\\s");
        // The trainer who opened it and the candidates are not told; nobody's name but the tutor's is in it.
        assertThat(TestSmtp.to(cohort.trainerEmail())).isEmpty();
        assertThat(TestSmtp.to(cohort.candidateEmail())).isEmpty();
        assertThat(mail.everything()).doesNotContain("Amina");
    }

    @Test
    void theInvitationCarriesTheDateAndPlaceAndAChangeSendsAnUpdateWithAHigherSequence() {
        NotificationCohort cohort = NotificationCohort.seed(tool);
        JurySession session = cohort.session("Salle 2, CCI de Rouen");
        ICalendar first = Biweekly.parse(mails(cohort.presidentEmail(), 1)
                        .get(0)
                        .attachmentTexts()
                        .get(0))
                .first();
        VEvent created = first.getEvents().get(0);
        assertThat(first.getMethod().getValue()).isEqualTo("REQUEST");
        assertThat(created.getSequence().getValue()).isZero();
        assertThat(day(created)).isEqualTo(LocalDate.now());
        assertThat(created.getDateStart().getValue().hasTime()).isFalse();
        assertThat(created.getLocation().getValue()).isEqualTo("Salle 2, CCI de Rouen");
        assertThat(created.getAttendees()).extracting(a -> a.getEmail()).containsExactly(cohort.presidentEmail());

        LocalDate later = LocalDate.now().plusDays(7);
        tool.getBean(Jury.class)
                .reschedule(
                        cohort.trainer(),
                        session.id(),
                        new JuryInputs.Schedule(later.toString(), "Salle 5, CCI du Havre"));

        List<ReceivedMail> both = mails(cohort.presidentEmail(), 2);
        ReceivedMail update = both.stream()
                .filter(m -> m.subject().startsWith("Jury paritaire modifié"))
                .findFirst()
                .orElseThrow();
        VEvent changed = Biweekly.parse(update.attachmentTexts().get(0))
                .first()
                .getEvents()
                .get(0);
        assertThat(changed.getUid().getValue()).isEqualTo(created.getUid().getValue());
        assertThat(changed.getSequence().getValue()).isEqualTo(1);
        assertThat(day(changed)).isEqualTo(later);
        assertThat(changed.getLocation().getValue()).isEqualTo("Salle 5, CCI du Havre");
        assertThat(update.body()).contains("Salle 5, CCI du Havre");
        assertThat(mails(cohort.rapporteurEmail(), 2)).hasSize(2);

        // Once its jury has decided, a session's date and place stand.
        tool.getBean(Jury.class)
                .reschedule(
                        cohort.trainer(),
                        session.id(),
                        new JuryInputs.Schedule(LocalDate.now().toString(), "Salle 2"));
        cohort.decide(session.id(), cohort.candidateSub());
        assertThatThrownBy(() -> tool.getBean(Jury.class)
                        .reschedule(
                                cohort.trainer(), session.id(), new JuryInputs.Schedule(later.toString(), "Salle 9")))
                .isInstanceOf(JuryRefusedException.class);
    }

    private static LocalDate day(VEvent event) {
        return event.getDateStart()
                .getValue()
                .toInstant()
                .atZone(ZoneId.systemDefault())
                .toLocalDate();
    }

    @Test
    void aDecisionReachesTheCandidateOnceThoughTheSmtpServerWasDownAndTheToolRestarted(@TempDir Path data) {
        Map<String, String> settings = new HashMap<>(QUICK);
        settings.putAll(TestSmtp.properties());
        settings.put("cqpi.embedded-db.dir", data.resolve("pg").toString());
        TestSmtp.stop();
        try {
            String candidateEmail;
            settings.put("cqpi.embedded-db.delete-on-close", "false");
            try (ConfigurableApplicationContext before = TestApplications.start(settings)) {
                NotificationCohort cohort = NotificationCohort.seed(before);
                candidateEmail = cohort.candidateEmail();
                long session = cohort.session("Salle 2").id();
                cohort.decide(session, cohort.candidateSub());
                // The tool tries, the server is down: the notification waits, tried again later.
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> before.getBean(JdbcClient.class)
                                        .sql(
                                                "select attempts from notification where recipient = :r and type = 'jury-decision'"
                                                        + " and status = 'PENDING'")
                                        .param("r", candidateEmail)
                                        .query(Integer.class)
                                        .single()
                                >= 2);
            }
            TestSmtp.start();
            settings.put("cqpi.embedded-db.delete-on-close", "true");
            try (ConfigurableApplicationContext after = TestApplications.start(settings)) {
                // The decision's message, and the one of the credential the validated bloc gave.
                assertThat(mails(candidateEmail, 2))
                        .extracting(ReceivedMail::subject)
                        .containsExactlyInAnyOrder(
                                "Joint jury: a decision has been recorded",
                                "A digital credential has been issued to you");
                // Several polls later, still one each.
                await().pollDelay(Duration.ofSeconds(2))
                        .atMost(Duration.ofSeconds(5))
                        .until(() -> true);
                assertThat(TestSmtp.to(candidateEmail)).hasSize(2);
                assertThat(after.getBean(JdbcClient.class)
                                .sql("select status from notification where recipient = :r")
                                .param("r", candidateEmail)
                                .query(String.class)
                                .list())
                        .containsExactly("SENT", "SENT");
            }
        } finally {
            TestSmtp.start();
        }
    }

    @Test
    void twoInstancesNeverSendOneNotificationTwice() {
        Map<String, String> settings = new HashMap<>(QUICK);
        settings.putAll(TestSmtp.properties());
        settings.put("spring.datasource.url", database.jdbcUrl());
        settings.put("spring.datasource.username", database.username());
        settings.put("spring.datasource.password", database.password());
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        List<String> addresses = IntStream.range(0, 60)
                .mapToObj(i -> "many-" + i + "-" + suffix + "@mail.example")
                .toList();
        try (ConfigurableApplicationContext second = TestApplications.start(settings)) {
            NotificationOutbox outbox = tool.getBean(NotificationOutbox.class);
            new TransactionTemplate(tool.getBean(PlatformTransactionManager.class)).executeWithoutResult(status -> {
                for (String address : addresses) {
                    outbox.enqueue(
                            DocumentIssuedMail.TYPE,
                            new Recipient(address, Locale.FRENCH),
                            Map.of("name", "Candidat", "qualification", "CQPI", "link", "https://tool.example/app/me"),
                            null);
                }
            });
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(jdbc.sql(
                                            "select count(*) from notification where status = 'SENT' and recipient like :r")
                                    .param("r", "%-" + suffix + "@mail.example")
                                    .query(Long.class)
                                    .single())
                            .isEqualTo(60));
            await().pollDelay(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> true);
            for (String address : addresses) {
                assertThat(TestSmtp.to(address)).as(address).hasSize(1);
            }
            assertThat(addresses.stream()
                            .map(a -> ReceivedMail.of(TestSmtp.to(a).get(0)).messageId())
                            .distinct())
                    .hasSize(60);
        }
    }
}
