package fr.cqpi.gradesync;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fr.cqpi.database.EmbeddedPostgresServer;
import fr.cqpi.lti.PlatformRegistry;
import fr.cqpi.notifications.NotificationOutbox;
import fr.cqpi.notifications.Recipient;
import fr.cqpi.support.ChildInstance;
import fr.cqpi.support.Json;
import fr.cqpi.support.ReceivedMail;
import fr.cqpi.support.SharedWireMock;
import fr.cqpi.support.StallingSmtp;
import fr.cqpi.support.TestApplications;
import fr.cqpi.support.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * An instance killed with {@code kill -9} (a real second JVM) in the middle of a grade-sync batch and of a
 * notification's delivery; the instance left running finishes the work. Nothing is lost. Nothing is sent twice except
 * what the killed instance had already handed over without learning the answer: a score whose POST had reached the
 * gradebook and was not yet marked SENT goes again once its claim expires (same score, a later timestamp: the
 * platform keeps the same grade); a message the SMTP server had in full but had not accepted goes again with the same
 * Message-ID.
 */
class InstanceKilledTest {

    static final int LEARNERS = 30;
    static final int SCORE_DELAY_MILLIS = 1000;
    static final int NOTIFICATIONS = 20;

    @TempDir
    Path root;

    @Test
    void theOtherInstanceFinishesTheBatchAndTheNotification() throws Exception {
        long started = System.nanoTime();
        Map<String, String> settings = new HashMap<>(TestSmtp.properties());
        settings.put("cqpi.embedded-db.dir", root.resolve("pg").toString());
        settings.put("cqpi.embedded-db.delete-on-close", "true");
        // The survivor's workers poll once at start-up, then only when the test says so (after the kill): otherwise
        // they may take all the work before the doomed instance has any, and nothing would be killed mid-work.
        settings.put("cqpi.gradesync.poll-interval", "1h");
        settings.put("cqpi.notifications.poll-interval", "1h");
        try (ConfigurableApplicationContext survivor = TestApplications.start(settings);
                StallingSmtp stalling = new StallingSmtp()) {
            JdbcClient jdbc = survivor.getBean(JdbcClient.class);
            EmbeddedPostgresServer database = survivor.getBean(EmbeddedPostgresServer.class);
            OutboxWorker survivorScores = survivor.getBean(OutboxWorker.class);
            Object survivorMail = survivor.getBean("notificationWorker");
            Runnable survivorPolls = () -> {
                survivorScores.poll();
                ReflectionTestUtils.invokeMethod(survivorMail, "poll");
            };
            Path log = Files.createDirectories(Path.of("target")).resolve("killed-instance.log");
            try (ChildInstance doomed = new ChildInstance(
                    Map.of(
                            "spring.datasource.url", database.jdbcUrl(),
                            "spring.datasource.username", database.username(),
                            "spring.datasource.password", database.password(),
                            // Its claims last 8 s: then the survivor may take them over.
                            "cqpi.gradesync.claim-for", "8s",
                            "cqpi.gradesync.poll-interval", "100ms",
                            "cqpi.gradesync.initial-concurrency", "16",
                            "cqpi.notifications.poll-interval", "100ms",
                            "spring.mail.host", "127.0.0.1",
                            "spring.mail.port", Integer.toString(stalling.port())),
                    log)) {
                doomed.awaitStarted(Duration.ofSeconds(90));

                // Work for both: scores to a slow gradebook, and e-mails.
                String prefix = OutboxAcrossInstancesTest.seed(
                        jdbc, survivor.getBean(PlatformRegistry.class), LEARNERS, SCORE_DELAY_MILLIS);
                String suffix = UUID.randomUUID().toString().substring(0, 8);
                List<String> addresses = IntStream.range(0, NOTIFICATIONS)
                        .mapToObj(i -> "killed-" + i + "-" + suffix + "@mail.example")
                        .toList();
                NotificationOutbox notifications = survivor.getBean(NotificationOutbox.class);
                new TransactionTemplate(survivor.getBean(PlatformTransactionManager.class))
                        .executeWithoutResult(status -> addresses.forEach(address -> notifications.enqueue(
                                "document-issued",
                                new Recipient(address, Locale.FRENCH),
                                Map.of(
                                        "name",
                                        "Candidat",
                                        "qualification",
                                        "CQPI",
                                        "link",
                                        "https://tool.example/app/me"),
                                null)));

                // The doomed instance is mid-batch (scores it POSTed and has not marked, with its short lease) and
                // mid-message (stuck at the end of DATA).
                WireMockServer lms = SharedWireMock.get();
                Supplier<Set<String>> heldByTheDoomed = () -> new HashSet<>(jdbc.sql("""
                                select p.client_id || ' ' || u.sub || ' ' || o.bloc_code from grade_outbox o
                                join lti_user u on u.id = o.learner_id join platform p on p.id = o.platform_id
                                where p.client_id = :c and o.status = 'PENDING'
                                and o.claimed_until between now() and now() + interval '9 seconds'""")
                        .param("c", prefix.substring(1))
                        .query(String.class)
                        .list());
                Supplier<Set<String>> journaled =
                        () -> lms.findAll(postRequestedFor(urlPathMatching(prefix + "/items/.*/scores"))).stream()
                                .map(r -> key(prefix, r))
                                .collect(Collectors.toSet());
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    Set<String> handedOver = heldByTheDoomed.get();
                    handedOver.retainAll(journaled.get());
                    return !stalling.received().isEmpty() && handedOver.size() >= 4;
                });
                Instant killing = Instant.now();
                doomed.kill();
                long killedAt = System.nanoTime();
                Instant killedInstant = Instant.now();
                Set<String> held = heldByTheDoomed.get();
                // What reached the gradebook up to the kill (a POST still delayed may be journaled a little later).
                Thread.sleep(SCORE_DELAY_MILLIS + 500L);
                Set<String> postedBeforeKill =
                        lms.findAll(postRequestedFor(urlPathMatching(prefix + "/items/.*/scores"))).stream()
                                .filter(r -> r.getLoggedDate().toInstant().isBefore(killedInstant))
                                .map(r -> key(prefix, r))
                                .collect(Collectors.toSet());

                // Every notification sent once to the real server; the one the killed instance was stuck on too,
                // with the Message-ID the stalled server had seen. The survivor polls as it would every 100 ms.
                await().atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(100))
                        .untilAsserted(() -> {
                            survivorPolls.run();
                            assertThat(jdbc.sql(
                                                    "select count(*) from notification where status = 'SENT' and recipient like :r")
                                            .param("r", "%-" + suffix + "@mail.example")
                                            .query(Long.class)
                                            .single())
                                    .isEqualTo(NOTIFICATIONS);
                        });
                Set<String> messageIds = new HashSet<>();
                for (String address : addresses) {
                    List<MimeMessage> received = TestSmtp.to(address);
                    assertThat(received).as(address).hasSize(1);
                    messageIds.add(ReceivedMail.of(received.get(0)).messageId());
                }
                assertThat(messageIds).hasSize(NOTIFICATIONS);
                assertThat(stalling.received()).hasSize(1);
                String stuck = stalling.received().get(0);
                String stuckId =
                        messageIds.stream().filter(stuck::contains).findFirst().orElseThrow();
                long mailDoneMillis =
                        jdbc.sql("""
                                select cast(extract(epoch from sent_at) * 1000 as bigint) from notification
                                where message_id = :id""").param("id", stuckId).query(Long.class).single() - killing.toEpochMilli();

                // The survivor finishes: every score in the gradebook, every row SENT.
                await().atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(100))
                        .untilAsserted(() -> {
                            survivorPolls.run();
                            assertThat(jdbc.sql("""
                                                    select count(*) from grade_outbox o join platform p on p.id = o.platform_id
                                                    where p.client_id = :c and o.status = 'SENT'""")
                                            .param("c", prefix.substring(1))
                                            .query(Long.class)
                                            .single())
                                    .isEqualTo(LEARNERS * 4L);
                        });
                long scoresDoneMillis = (System.nanoTime() - killedAt) / 1_000_000;
                List<LoggedRequest> posted =
                        lms.findAll(postRequestedFor(urlPathMatching(prefix + "/items/.*/scores")));
                Map<String, List<JsonNode>> byLearnerAndBloc = posted.stream()
                        .collect(Collectors.groupingBy(
                                r -> key(prefix, r),
                                Collectors.mapping(r -> json(r.getBodyAsString()), Collectors.toList())));
                assertThat(byLearnerAndBloc).hasSize(LEARNERS * 4);
                Map<String, List<JsonNode>> twice = byLearnerAndBloc.entrySet().stream()
                        .filter(e -> e.getValue().size() > 1)
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
                for (var entry : twice.entrySet()) {
                    // Only what had reached the gradebook from the killed instance, not yet marked: the same score
                    // again, later.
                    assertThat(entry.getValue()).as(entry.getKey()).hasSize(2);
                    JsonNode first = entry.getValue().get(0);
                    JsonNode second = entry.getValue().get(1);
                    assertThat(second.get("scoreGiven")).isEqualTo(first.get("scoreGiven"));
                    assertThat(second.get("gradingProgress")).isEqualTo(first.get("gradingProgress"));
                    assertThat(Instant.parse(second.get("timestamp").asText()))
                            .isAfter(Instant.parse(first.get("timestamp").asText()));
                }

                String measure = String.format(
                        "Instance killed (kill -9) mid-work: %d score rows (%d held by the killed instance, its POSTs"
                                + " taking %d ms), all %d in the gradebook %d ms after the kill, %d sent twice (same"
                                + " score, later timestamp); %d notifications, the one stuck at the end of DATA sent by"
                                + " the survivor %d ms after the kill with the same Message-ID, none twice at the real"
                                + " server; test ran %d s",
                        LEARNERS * 4,
                        held.size(),
                        SCORE_DELAY_MILLIS,
                        LEARNERS * 4,
                        scoresDoneMillis,
                        twice.size(),
                        NOTIFICATIONS,
                        mailDoneMillis,
                        (System.nanoTime() - started) / 1_000_000_000);
                System.out.println(measure);
                Files.writeString(Path.of("target", "instance-killed.txt"), measure + "\n");
            }
        }
    }

    private static String key(String prefix, LoggedRequest request) {
        String url = request.getUrl();
        String bloc = url.substring(url.indexOf("/items/") + 7, url.indexOf("/scores"));
        return prefix.substring(1) + " " + OutboxAcrossInstancesTest.userId(request) + " " + bloc;
    }

    private static JsonNode json(String body) {
        return Json.read(body);
    }
}
