package fr.cqpi.tutors;

import static fr.cqpi.support.TestPlatform.INSTRUCTOR;
import static fr.cqpi.support.TestPlatform.LEARNER;
import static fr.cqpi.support.TestPlatform.MENTOR;
import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.Json;
import fr.cqpi.support.LtiClient;
import fr.cqpi.support.TestPlatform;
import fr.cqpi.support.ToolIntegrationTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import tools.jackson.databind.JsonNode;

/**
 * Tuteurs entreprise invited by e-mail, over real HTTP and PostgreSQL: the trainer invites through the page, the
 * tutor signs in through the link's page (a GET that spends nothing, then the form's POST with its CSRF token), judges
 * their learner beside the trainer; links reused, expired, revoked; sessions ended by a revocation; another tutor's
 * learners never shown; the new-link page; the confirmation of an LMS Mentor; the API.
 */
class TutorInvitationsTest extends ToolIntegrationTest {

    @Autowired
    TutorSignInLinks links;

    @Autowired
    ConfigurableApplicationContext context;

    /** What the notifications would be asked to send, as they are published (by the server's threads). */
    final List<TutorSignInRequested> requested = new CopyOnWriteArrayList<>();

    ApplicationListener<PayloadApplicationEvent<TutorSignInRequested>> listener =
            ApplicationListener.forPayload(requested::add);

    @BeforeEach
    void listen() {
        context.addApplicationListener(listener);
    }

    @AfterEach
    void stopListening() {
        context.removeApplicationListener(listener);
    }

    TestPlatform moodle;
    String course;
    LtiClient trainer;

    @BeforeEach
    void launches() {
        moodle = newPlatform("moodle");
        course = "course-" + System.nanoTime();
        launched("amina", LEARNER);
        launched("bruno", LEARNER);
        trainer = launched("claire", INSTRUCTOR);
    }

    LtiClient launched(String sub, String role) {
        return launched(moodle, sub, role, course);
    }

    /** The trainer fills the invitation form of the page reached from the tutors page, and sends it. */
    HttpResponse<String> inviteThroughPage(String email, String name, String... learners) {
        Document tutors = Jsoup.parse(trainer.get("/app/tutors").body());
        String href = tutors.selectFirst("#invitations-link").attr("href");
        String page = trainer.get(href).body();
        Element form = Jsoup.parse(page).selectFirst("#invite-form");
        assertThat(form.select("input[name=email][type=email][required]")).hasSize(1);
        StringBuilder body = new StringBuilder("email=" + enc(email) + "&name=" + enc(name) + "&language=fr");
        for (String learner : learners) {
            assertThat(form.select("input[name=learner][value=" + learner + "]"))
                    .hasSize(1);
            body.append("&learner=").append(enc(learner));
        }
        return trainer.send("POST", form.attr("hx-post"), body.toString(), LtiClient.htmxHeaders(page));
    }

    long invitationId(String email) {
        return jdbc.sql("select i.id from tutor_invitation i join course c on c.id = i.course_id"
                        + " where c.context_id = :ctx and i.email = :e order by i.id desc limit 1")
                .param("ctx", course)
                .param("e", email)
                .query(Long.class)
                .single();
    }

    UUID publicId(long invitationId) {
        return jdbc.sql("select public_id from tutor_invitation where id = :i")
                .param("i", invitationId)
                .query(UUID.class)
                .single();
    }

    /** The path and query of a minted link (the tool's base URL is this test server's). */
    static String pathOf(URI link) {
        return link.getRawPath() + "?" + link.getRawQuery();
    }

    static String tokenOf(URI link) {
        return link.getRawQuery().substring("token=".length());
    }

    /** Opens the link's page, then sends its form as the browser does (the hidden token and CSRF field). */
    static HttpResponse<String> signIn(LtiClient tutor, URI link) {
        return submitSignIn(tutor, tutor.get(pathOf(link)));
    }

    static HttpResponse<String> submitSignIn(LtiClient tutor, HttpResponse<String> page) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        Element form = Jsoup.parse(page.body()).selectFirst("form[method=post]");
        Map<String, String> fields = new HashMap<>();
        form.select("input[type=hidden]").forEach(input -> fields.put(input.attr("name"), input.attr("value")));
        assertThat(fields).containsKeys("_csrf", "token");
        return tutor.send(
                "POST",
                form.attr("action"),
                LtiClient.form(fields),
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
    }

    LtiClient signedIn(URI link) {
        LtiClient tutor = browser();
        HttpResponse<String> page = tutor.get(pathOf(link));
        String before = tutor.cookie("CQPI_SESSION").orElseThrow();
        HttpResponse<String> signedIn = submitSignIn(tutor, page);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/app");
        // A new session: the one of the link's page (and its CSRF token) is not the signed-in one.
        assertThat(tutor.cookie("CQPI_SESSION")).isPresent().get().isNotEqualTo(before);
        return tutor;
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void anInvitedTutorSignsInJudgesTheirLearnerAndSeesTheDivergenceWithTheTrainer() {
        HttpResponse<String> invited = inviteThroughPage("tom@entreprise.example", "Tom Martin", "amina");
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(200);
        assertThat(Jsoup.parse(invited.body()).text())
                .contains("Invitation enregistrée")
                .contains("Tom Martin")
                .contains("tom@entreprise.example")
                .contains("Prénom amina");
        long id = invitationId("tom@entreprise.example");
        assertThat(requested).containsExactly(new TutorSignInRequested(id, "tom@entreprise.example", Locale.FRENCH));

        // The trainer's judgment first.
        Map<String, String> trainerApi = trainer.apiHeaders();
        assertThat(trainer.send(
                                "PUT",
                                "/api/v1/learners/amina/judgments/C1.1",
                                Json.object("status", "ACQUIS"),
                                trainerApi)
                        .statusCode())
                .isEqualTo(200);

        URI link = links.mint(id).orElseThrow();
        assertThat(link.getRawQuery()).startsWith("token=");
        assertThat(tokenOf(link)).hasSizeGreaterThanOrEqualTo(43); // 256 bits, base64url
        // Only its hash is stored.
        assertThat(jdbc.sql("select count(*) from tutor_sign_in_token where invitation_id = :i and token_hash = :h")
                        .param("i", id)
                        .param("h", sha256(tokenOf(link)))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // Opening the page spends nothing (a mail scanner's GET), the button does.
        LtiClient scanner = browser();
        assertThat(scanner.get(pathOf(link)).statusCode()).isEqualTo(200);
        HttpResponse<String> page = scanner.get(pathOf(link));
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("frame-ancestors 'none'");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        LtiClient tutor = signedIn(link);

        // Their learner only, as tuteur entreprise.
        String cohort = tutor.get("/app").body();
        assertThat(cohort)
                .contains("Prénom amina")
                .doesNotContain("Prénom bruno")
                .contains("Tom Martin");
        assertThat(tutor.get("/app/learners/bruno").statusCode()).isEqualTo(403);
        HttpResponse<String> grid = tutor.get("/app/learners/amina");
        assertThat(grid.statusCode()).isEqualTo(200);
        assertThat(grid.body()).contains("Votre jugement (tuteur entreprise)");

        // Judges through the grid's form, as htmx sends it.
        Map<String, String> headers = LtiClient.withLaunchOf(grid.body(), LtiClient.htmxHeaders(grid.body()));
        HttpResponse<String> judged =
                tutor.send("PUT", "/app/learners/amina/judgments/C1.1", "status=NON_ACQUIS", headers);
        assertThat(judged.statusCode()).as(judged.body()).isEqualTo(200);

        // A photo from the phone's camera, through the evidence panel's form: kept as the tutor's.
        String panel = tutor.get("/app/learners/amina/evidence/B1").body();
        Element upload = Jsoup.parse(panel).selectFirst("form[hx-post$=/files]");
        assertThat(upload.selectFirst("input[type=file]").attr("accept")).isEqualTo("image/*");
        assertThat(upload.selectFirst("input[type=file]").attr("capture")).isEqualTo("environment");
        Map<String, String> uploadHeaders = new HashMap<>(headers);
        byte[] png = Arrays.copyOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 200);
        byte[] photo = LtiClient.multipart(Map.of(), "poste.png", "image/png", png, uploadHeaders);
        HttpResponse<String> attached = tutor.send("POST", upload.attr("hx-post"), photo, uploadHeaders);
        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(200);
        assertThat(Jsoup.parse(attached.body()).text()).contains("poste.png").contains("(tuteur entreprise)");
        assertThat(trainer.get("/app/learners/amina/evidence/B1").body()).contains("poste.png");

        // Both judgments, the divergence, seen by both.
        assertThat(tutor.get("/app/learners/amina").body())
                .contains("évaluateur habilité « Acquis », tuteur entreprise « Non acquis »");
        JsonNode divergences = Json.read(trainer.get("/api/v1/learners/amina/divergences"));
        assertThat(divergences.at("/divergences/0/criterionCode").asText()).isEqualTo("C1.1");
        assertThat(divergences.at("/divergences/0/tuteur/status").asText()).isEqualTo("NON_ACQUIS");
        assertThat(trainer.get("/app/learners/amina/history").body()).contains("Tom Martin");

        // Audited: the invitation, the sign-in, each request with its answer.
        List<String> trail = jdbc.sql("select action || ' ' || coalesce(detail, '') from tutor_audit"
                        + " where invitation_id = :i order by id")
                .param("i", id)
                .query(String.class)
                .list();
        assertThat(trail).contains("SIGN_IN ", "REQUEST PUT /app/learners/amina/judgments/C1.1 200");
        assertThat(trail).anyMatch(line -> line.startsWith("INVITED"));
        assertThat(trail).noneMatch(line -> line.contains(tokenOf(link)));
        // The trainer's list says when the tutor last signed in.
        assertThat(Jsoup.parse(trainer.get("/app/tutors/invitations").body())
                        .selectFirst("li.invitation .last-sign-in")
                        .text())
                .startsWith("Dernière connexion le");
        assertThat(Json.read(trainer.get("/api/v1/tutor-invitations"))
                        .at("/0/lastSignIn")
                        .isNull())
                .isFalse();

        // Signs out through the header's form (a shared phone): the session ends, audited.
        Element signOut = Jsoup.parse(tutor.get("/app/cohort").body()).selectFirst("form[action$=/tutor/sign-out]");
        HttpResponse<String> out = tutor.send(
                "POST",
                signOut.attr("action"),
                "_csrf=" + enc(signOut.selectFirst("input[name=_csrf]").attr("value")),
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/tutor/signed-out");
        assertThat(tutor.get("/tutor/signed-out").body()).contains("Vous êtes déconnecté");
        assertThat(tutor.get("/app/cohort").statusCode()).isEqualTo(401);
        // The trainer's launch has no such form.
        assertThat(trainer.get("/app/cohort").body()).doesNotContain("/tutor/sign-out");

        assertThat(Json.read(trainer.get("/api/v1/tutor-invitations/" + publicId(id) + "/audit"))
                        .findValuesAsString("action"))
                .contains("INVITED", "LINK_MINTED", "SIGN_IN", "REQUEST", "SIGN_OUT");
    }

    @Test
    void aLinkIsRefusedReusedExpiredRevokedOrForAnotherLearner() {
        assertThat(inviteThroughPage("tina@entreprise.example", "Tina", "amina").statusCode())
                .isEqualTo(200);
        long id = invitationId("tina@entreprise.example");

        // Reused.
        URI link = links.mint(id).orElseThrow();
        signedIn(link);
        HttpResponse<String> reused = browser().get(pathOf(link));
        assertThat(reused.statusCode()).isEqualTo(410);
        assertRefusalNamesNobody(reused, "a déjà servi");
        LtiClient second = browser();
        second.get("/tutor/new-link"); // a session and its CSRF token, as a browser that kept the page open
        HttpResponse<String> reusedPost = second.send(
                "POST",
                "/tutor/sign-in",
                "token=" + tokenOf(link) + "&_csrf="
                        + Jsoup.parse(second.get("/tutor/new-link").body())
                                .selectFirst("input[name=_csrf]")
                                .attr("value"),
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(reusedPost.statusCode()).isEqualTo(410);
        assertThat(jdbc.sql("select detail from tutor_audit where invitation_id = :i and action = 'SIGN_IN_REFUSED'")
                        .param("i", id)
                        .query(String.class)
                        .list())
                .containsExactly("USED");
        HttpResponse<String> none = second.get("/app");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(Jsoup.parse(none.body()).select("a[href$=/tutor/new-link]")).hasSize(1);

        // Expired (30 minutes), and superseded by a newer link.
        URI late = links.mint(id).orElseThrow();
        jdbc.sql("update tutor_sign_in_token set expires_at = now() - interval '1 second' where token_hash = :h")
                .param("h", sha256(tokenOf(late)))
                .update();
        assertRefusalNamesNobody(browser().get(pathOf(late)), "a expiré");
        URI first = links.mint(id).orElseThrow();
        URI newer = links.mint(id).orElseThrow();
        assertThat(browser().get(pathOf(first)).statusCode()).isEqualTo(410);
        assertThat(browser().get(pathOf(newer)).statusCode()).isEqualTo(200);

        // Unknown, and without token: nothing.
        assertThat(browser().get("/tutor/sign-in?token=" + "A".repeat(43)).statusCode())
                .isEqualTo(404);
        assertThat(browser().get("/tutor/sign-in").statusCode()).isEqualTo(404);

        // The invitation itself expired: no link is minted, the earlier ones open nothing.
        URI beforeExpiry = links.mint(id).orElseThrow();
        jdbc.sql("update tutor_invitation set expires_at = now() - interval '1 second' where id = :i")
                .param("i", id)
                .update();
        assertThat(links.mint(id)).isEmpty();
        assertRefusalNamesNobody(browser().get(pathOf(beforeExpiry)), "a expiré");

        // Revoked through the page: refused, and the session opened before ends at its next request.
        assertThat(inviteThroughPage("rita@entreprise.example", "Rita", "amina").statusCode())
                .isEqualTo(200);
        long rita = invitationId("rita@entreprise.example");
        LtiClient open = signedIn(links.mint(rita).orElseThrow());
        assertThat(open.get("/app/learners/amina").statusCode()).isEqualTo(200);
        URI pending = links.mint(rita).orElseThrow();
        String page = trainer.get("/app/tutors/invitations").body();
        Element revoke =
                Jsoup.parse(page).selectFirst("li.invitation:contains(rita@entreprise.example) form[hx-post$=/revoke]");
        HttpResponse<String> revoked = trainer.send("POST", revoke.attr("hx-post"), "", LtiClient.htmxHeaders(page));
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(Jsoup.parse(revoked.body()).text())
                .contains("Invitation révoquée.")
                .contains("révoquée");
        HttpResponse<String> ended = open.get("/app/learners/amina");
        assertThat(ended.statusCode()).isEqualTo(403);
        assertRefusalNamesNobody(ended, "Votre invitation a pris fin");
        assertThat(open.get("/app").statusCode()).isEqualTo(401);
        HttpResponse<String> revokedLink = browser().get(pathOf(pending));
        assertThat(revokedLink.statusCode()).isEqualTo(403);
        assertRefusalNamesNobody(revokedLink, "Votre invitation a pris fin");
        assertThat(links.mint(rita)).isEmpty();
        assertThat(jdbc.sql("select count(*) from tutor_audit where invitation_id = :i and action = 'SESSION_REFUSED'")
                        .param("i", rita)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // A learner not in the invitation: refused, named nowhere.
        assertThat(inviteThroughPage("nina@entreprise.example", "Nina", "amina").statusCode())
                .isEqualTo(200);
        LtiClient nina =
                signedIn(links.mint(invitationId("nina@entreprise.example")).orElseThrow());
        HttpResponse<String> other = nina.get("/app/learners/bruno");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).doesNotContain("Prénom bruno");
        assertThat(nina.get("/api/v1/learners/bruno/grid").statusCode()).isEqualTo(403);
        assertThat(nina.get("/app/tutors/invitations").statusCode()).isEqualTo(403);
        assertThat(nina.get("/api/v1/tutor-invitations").statusCode()).isEqualTo(403);
    }

    void assertRefusalNamesNobody(HttpResponse<String> response, String why) {
        assertThat(response.statusCode()).isBetween(400, 499);
        String text = Jsoup.parse(response.body()).text();
        assertThat(text).contains(why).doesNotContain("amina").doesNotContain("bruno");
    }

    @Test
    void aTutorNeverSeesAnotherTutorsLearners() {
        assertThat(inviteThroughPage("ana@entreprise.example", "Ana", "amina").statusCode())
                .isEqualTo(200);
        assertThat(inviteThroughPage("ben@entreprise.example", "Ben", "bruno").statusCode())
                .isEqualTo(200);
        LtiClient ana =
                signedIn(links.mint(invitationId("ana@entreprise.example")).orElseThrow());
        LtiClient ben =
                signedIn(links.mint(invitationId("ben@entreprise.example")).orElseThrow());

        assertThat(ana.get("/app/cohort").body()).contains("Prénom amina").doesNotContain("Prénom bruno");
        assertThat(ben.get("/app/cohort").body()).contains("Prénom bruno").doesNotContain("Prénom amina");
        assertThat(Json.read(ana.get("/api/v1/learners")).findValuesAsString("learnerId"))
                .containsExactly("amina");
        assertThat(Json.read(ben.get("/api/v1/learners")).findValuesAsString("learnerId"))
                .containsExactly("bruno");
        assertThat(ana.get("/app/learners/bruno").statusCode()).isEqualTo(403);
        assertThat(ben.get("/app/learners/amina/history").statusCode()).isEqualTo(403);
        assertThat(ben.get("/api/v1/learners/amina/divergences").statusCode()).isEqualTo(403);
        Map<String, String> benApi = ben.apiHeaders();
        assertThat(ben.send("PUT", "/api/v1/learners/amina/judgments/C1.1", Json.object("status", "ACQUIS"), benApi)
                        .statusCode())
                .isEqualTo(403);
        // A trainer removes amina from Ana on the tutors page (its « Retirer » form): Ana judges her no more, and is
        // still the tutor the invitation made her.
        String tutorsPage = trainer.get("/app/tutors").body();
        Element remove = Jsoup.parse(tutorsPage).select("#tutor-assignments tr").stream()
                .filter(row -> row.text().contains("Ana") && row.text().contains("invité par e-mail"))
                .findFirst()
                .orElseThrow()
                .selectFirst("form");
        Map<String, String> removeFields = new HashMap<>();
        remove.select("input[type=hidden]").forEach(input -> removeFields.put(input.attr("name"), input.attr("value")));
        assertThat(trainer.send(
                                "POST",
                                remove.attr("hx-post"),
                                LtiClient.form(removeFields),
                                LtiClient.htmxHeaders(tutorsPage))
                        .statusCode())
                .isEqualTo(200);
        assertThat(ana.get("/app/learners/amina").statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select e.tool_role from enrolment e join lti_user u on u.id = e.user_id"
                                + " where u.sub = :s")
                        .param("s", removeFields.get("tutor"))
                        .query(String.class)
                        .single())
                .isEqualTo("TUTOR");

        // The invited tutors are not offered for designation on the tutors page.
        assertThat(Jsoup.parse(trainer.get("/app/tutors").body())
                        .select("#tutor-pick option")
                        .eachText())
                .noneMatch(option -> option.contains("Ana") || option.contains("Ben"));
    }

    @Test
    void theNewLinkPageAnswersTheSameWhateverTheAddressAndIsLimited() {
        assertThat(inviteThroughPage("lea@entreprise.example", "Léa", "amina").statusCode())
                .isEqualTo(200);
        long id = invitationId("lea@entreprise.example");
        requested.clear();

        HttpResponse<String> known = requestNewLink("LEA@entreprise.example ");
        HttpResponse<String> unknown = requestNewLink("nobody@entreprise.example");
        HttpResponse<String> garbage = requestNewLink("not an address");
        assertThat(List.of(known.statusCode(), unknown.statusCode(), garbage.statusCode()))
                .containsOnly(200);
        String answer =
                Jsoup.parse(known.body()).selectFirst("#new-link-requested").text();
        assertThat(answer).contains("Si cette adresse a une invitation en cours");
        assertThat(Jsoup.parse(unknown.body())
                        .selectFirst("#new-link-requested")
                        .text())
                .isEqualTo(answer);
        assertThat(Jsoup.parse(garbage.body())
                        .selectFirst("#new-link-requested")
                        .text())
                .isEqualTo(answer);
        assertThat(requested).containsExactly(new TutorSignInRequested(id, "lea@entreprise.example", Locale.FRENCH));

        // At most 5 an hour per address; more are ignored, with the same answer.
        for (int i = 0; i < 6; i++) {
            assertThat(requestNewLink("lea@entreprise.example").statusCode()).isEqualTo(200);
        }
        assertThat(requested.size()).isEqualTo(5);

        // Without the form's CSRF token: refused.
        LtiClient forger = browser();
        assertThat(forger.send(
                                "POST",
                                "/tutor/new-link",
                                "email=lea%40entreprise.example",
                                Map.of("Content-Type", "application/x-www-form-urlencoded"))
                        .statusCode())
                .isEqualTo(403);
    }

    HttpResponse<String> requestNewLink(String email) {
        LtiClient visitor = browser();
        HttpResponse<String> page = visitor.get("/tutor/new-link");
        Element form = Jsoup.parse(page.body()).selectFirst("form[method=post]");
        assertThat(form.select("input[name=email][type=email]")).hasSize(1);
        String csrf = form.selectFirst("input[name=_csrf]").attr("value");
        return visitor.send(
                "POST",
                form.attr("action"),
                "email=" + enc(email) + "&_csrf=" + enc(csrf),
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
    }

    @Test
    void aTrainerConfirmsThatAnLmsMentorWithTheSameAddressIsTheInvitedTutor() {
        // tom is a Mentor of the platform, tom@moodle.example.
        LtiClient mentor = launched("tom", MENTOR);
        assertThat(inviteThroughPage("Tom@moodle.example", "Tom", "amina").statusCode())
                .isEqualTo(200);
        long id = invitationId("Tom@moodle.example");
        LtiClient beforeConfirmation = signedIn(links.mint(id).orElseThrow());
        assertThat(beforeConfirmation.get("/app/learners/amina").statusCode()).isEqualTo(200);

        String page = trainer.get("/app/tutors/invitations").body();
        Element confirm = Jsoup.parse(page).selectFirst("form[hx-post$=/confirm]");
        assertThat(confirm.text()).contains("Prénom tom");
        Map<String, String> fields = new HashMap<>();
        confirm.select("input[type=hidden]").forEach(input -> fields.put(input.attr("name"), input.attr("value")));
        HttpResponse<String> confirmed =
                trainer.send("POST", confirm.attr("hx-post"), LtiClient.form(fields), LtiClient.htmxHeaders(page));
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(Jsoup.parse(confirmed.body()).text()).contains("Même personne que Prénom tom");
        // Confirming again: refused.
        assertThat(trainer.send("POST", confirm.attr("hx-post"), LtiClient.form(fields), LtiClient.htmxHeaders(page))
                        .statusCode())
                .isEqualTo(400);

        // The session opened as the invitation's person ends; the next sign-in is the Mentor's.
        assertThat(beforeConfirmation.get("/app/learners/amina").statusCode()).isEqualTo(403);
        LtiClient after = signedIn(links.mint(id).orElseThrow());
        assertThat(after.get("/app/cohort").body()).contains("Prénom tom").contains("Prénom amina");
        Map<String, String> afterApi = after.apiHeaders();
        assertThat(after.send("PUT", "/api/v1/learners/amina/judgments/C1.2", Json.object("status", "ACQUIS"), afterApi)
                        .statusCode())
                .isEqualTo(200);
        // One person: the Mentor's own launch sees the judgment as theirs.
        JsonNode c12 = Json.read(mentor.get("/api/v1/learners/amina/grid")).at("/criteria/1");
        assertThat(c12.get("criterionCode").asText()).isEqualTo("C1.2");
        assertThat(c12.toString()).contains("\"updatedBy\":\"tom\"").contains("ACQUIS");
    }

    @Test
    void theApiInvitesListsAndRevokesAndRefusesWhatIsInvalid() {
        Map<String, String> trainerApi = trainer.apiHeaders();
        HttpResponse<String> created = trainer.send(
                "POST",
                "/api/v1/tutor-invitations",
                Json.object(
                        "email",
                        "api@entreprise.example",
                        "name",
                        "Api",
                        "learnerIds",
                        List.of("bruno"),
                        "language",
                        "en"),
                trainerApi);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode invitation = Json.read(created);
        assertThat(invitation.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(invitation.get("language").asText()).isEqualTo("en");
        assertThat(invitation.get("lastSignIn").isNull()).isTrue();
        assertThat(invitation.at("/learners/0/id").asText()).isEqualTo("bruno");
        assertThat(Duration.between(
                                Instant.parse(invitation.get("createdAt").asText()),
                                Instant.parse(invitation.get("expiresAt").asText()))
                        .toDays())
                .isEqualTo(90);

        long before = jdbc.sql("select count(*) from tutor_invitation")
                .query(Long.class)
                .single();
        assertThat(trainer.send(
                                "POST",
                                "/api/v1/tutor-invitations",
                                Json.object("email", "not-an-address", "learnerIds", List.of("bruno")),
                                trainerApi)
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> noLearner = trainer.send(
                "POST",
                "/api/v1/tutor-invitations",
                Json.object("email", "x@entreprise.example", "learnerIds", List.of()),
                trainerApi);
        assertThat(noLearner.statusCode()).isEqualTo(400);
        assertThat(Json.read(noLearner).get("field").asText()).isEqualTo("learnerIds");
        assertThat(trainer.send(
                                "POST",
                                "/api/v1/tutor-invitations",
                                Json.object("email", "x@entreprise.example", "learnerIds", List.of("claire")),
                                trainerApi)
                        .statusCode())
                .isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from tutor_invitation")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
        // The page's form, with a missing address: 400, said on the page.
        HttpResponse<String> invalid = inviteThroughPage("", "", "amina");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(invalid.body()).text()).contains("Tapez une adresse e-mail valide.");

        assertThat(Json.read(trainer.get("/api/v1/tutor-invitations")).findValuesAsString("email"))
                .containsExactly("api@entreprise.example");
        String id = invitation.get("id").asText();
        assertThat(trainer.send("DELETE", "/api/v1/tutor-invitations/" + id, (String) null, trainerApi)
                        .statusCode())
                .isEqualTo(204);
        assertThat(Json.read(trainer.get("/api/v1/tutor-invitations"))
                        .at("/0/status")
                        .asText())
                .isEqualTo("REVOKED");
        assertThat(trainer.send("DELETE", "/api/v1/tutor-invitations/" + UUID.randomUUID(), (String) null, trainerApi)
                        .statusCode())
                .isEqualTo(404);
        // A learner invites nobody.
        LtiClient amina = launched("amina", LEARNER);
        assertThat(amina.send(
                                "POST",
                                "/api/v1/tutor-invitations",
                                Json.object("email", "y@entreprise.example", "learnerIds", List.of("amina")),
                                amina.apiHeaders())
                        .statusCode())
                .isEqualTo(403);
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
