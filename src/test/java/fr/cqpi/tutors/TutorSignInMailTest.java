package fr.cqpi.tutors;

import static fr.cqpi.support.TestPlatform.INSTRUCTOR;
import static fr.cqpi.support.TestPlatform.LEARNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.cqpi.support.LtiClient;
import fr.cqpi.support.ReceivedMail;
import fr.cqpi.support.TestPlatform;
import fr.cqpi.support.TestSmtp;
import fr.cqpi.support.ToolIntegrationTest;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The tutor's sign-in link travels by e-mail, read from a real SMTP server: the trainer invites through the page, the
 * message arrives with a link minted as it left, the link signs the tutor in to their learner; asking for a new link
 * sends another that works, the spent one does not; the message names no learner.
 */
class TutorSignInMailTest extends ToolIntegrationTest {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/tutor/sign-in\\?token=[A-Za-z0-9_-]+");

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        TestSmtp.properties().forEach((k, v) -> registry.add(k, () -> v));
        registry.add("cqpi.notifications.poll-interval", () -> "200ms");
    }

    @Test
    void theInvitationsMailCarriesALinkThatSignsTheTutorIn() {
        TestPlatform moodle = newPlatform("moodle");
        String course = "course-" + System.nanoTime();
        String email = "tutor-" + System.nanoTime() + "@entreprise.example";
        LtiClient learner = browser();
        learner.launch(moodle, "amina", n -> moodle.moodleLaunch("amina", LEARNER, n, course));
        LtiClient trainer = browser();
        trainer.launch(moodle, "claire", n -> moodle.moodleLaunch("claire", INSTRUCTOR, n, course));

        Document tutors = Jsoup.parse(trainer.get("/app/tutors").body());
        String page = trainer.get(tutors.selectFirst("#invitations-link").attr("href"))
                .body();
        Element form = Jsoup.parse(page).selectFirst("#invite-form");
        HttpResponse<String> invited = trainer.send(
                "POST",
                form.attr("hx-post"),
                "email=" + TutorInvitationsTest.enc(email) + "&name=Tom&language=fr&learner=amina",
                LtiClient.htmxHeaders(page));
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(200);

        ReceivedMail mail = mails(email, 1).get(0);
        assertThat(mail.subject()).contains("tuteur entreprise");
        assertThat(mail.body()).doesNotContain("amina").contains("30 minutes");
        URI link = linkIn(mail);

        LtiClient tutor = browser();
        HttpResponse<String> signedIn =
                TutorInvitationsTest.submitSignIn(tutor, tutor.get(TutorInvitationsTest.pathOf(link)));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        assertThat(tutor.get("/app").body()).contains("Prénom amina");

        // A new link asked for on the public page arrives; it works, the spent one does not.
        LtiClient phone = browser();
        String newLinkPage = phone.get("/tutor/new-link").body();
        String csrf =
                Jsoup.parse(newLinkPage).selectFirst("form input[name=_csrf]").attr("value");
        HttpResponse<String> asked = phone.send(
                "POST",
                "/tutor/new-link",
                "_csrf=" + TutorInvitationsTest.enc(csrf) + "&email=" + TutorInvitationsTest.enc(email),
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(asked.statusCode()).isEqualTo(200);
        URI second = linkIn(mails(email, 2).get(1));
        assertThat(second).isNotEqualTo(link);
        assertThat(browser().get(TutorInvitationsTest.pathOf(link)).statusCode())
                .isEqualTo(410);
        HttpResponse<String> again =
                TutorInvitationsTest.submitSignIn(phone, phone.get(TutorInvitationsTest.pathOf(second)));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(302);
        assertThat(phone.get("/app").body()).contains("Prénom amina");
    }

    private static List<ReceivedMail> mails(String address, int expected) {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(TestSmtp.to(address)).hasSize(expected));
        return TestSmtp.to(address).stream().map(ReceivedMail::of).toList();
    }

    private static URI linkIn(ReceivedMail mail) {
        Matcher m = LINK.matcher(mail.body());
        assertThat(m.find()).as(mail.body()).isTrue();
        return URI.create(m.group());
    }
}
