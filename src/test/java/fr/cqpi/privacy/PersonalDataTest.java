package fr.cqpi.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.cqpi.database.EmbeddedPostgresServer;
import fr.cqpi.personaldata.PersonalDataWrites;
import fr.cqpi.support.AgsCourse;
import fr.cqpi.support.Json;
import fr.cqpi.support.LtiClient;
import fr.cqpi.support.PgDump;
import fr.cqpi.support.TestApplications;
import fr.cqpi.support.ToolIntegrationTest;
import fr.cqpi.tutors.TutorSignInLinks;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Issue 27 over a running tool and its real PostgreSQL: the retention job purges exactly what is past its period; a
 * person's archive holds their data and no one else's; an erasure done through the administration's pages leaves
 * their name, e-mail and LTI id nowhere in a full pg_dump but in the register of issued documents (their credential,
 * notifications and an invited tutor's audit naming them included), and an invited tutor's nowhere; a trainer's reads
 * of a learner's data are logged, the learner's own are not.
 */
class PersonalDataTest extends ToolIntegrationTest {

    static final Map<String, String> FORM = Map.of("Content-Type", "application/x-www-form-urlencoded");
    static final byte[] PDF =
            "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    RetentionJob retention;

    @Autowired
    ReadLog readLog;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    EmbeddedPostgresServer database;

    @Autowired
    TutorSignInLinks links;

    @TempDir
    Path temp;

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    // --- Retention -------------------------------------------------------------------------------------------------

    @Test
    void theRetentionJobPurgesWhatIsPastItsPeriodAndNothingElse() {
        String old = unique("ancien");
        String fresh = unique("actuel");
        AgsCourse course = new AgsCourse(this, LMS, registry, old, fresh);
        for (String learner : List.of(old, fresh)) {
            comment(course, learner, "C1.2", "Commentaire sur " + learner);
            evidence(course, learner, PDF);
        }
        long withdrawnLongAgo = evidence(course, fresh, PDF);
        long withdrawnLately = evidence(course, fresh, PDF);
        for (long id : List.of(withdrawnLongAgo, withdrawnLately)) {
            var withdrawn = course.trainer.send(
                    "DELETE", "/api/v1/learners/" + fresh + "/evidence/" + id, "", course.trainerHeaders);
            assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        }
        String document = decideAndIssue(course, old);
        long platformId = course.platform.platform().id();
        long courseId = id("select id from course where platform_id = " + platformId);
        long oldId = userId(platformId, old);
        long freshId = userId(platformId, fresh);

        // The old learner's training ended 400 days ago, their jury decided 6 years ago; one withdrawal was 40 days
        // ago.
        transaction.executeWithoutResult(status -> {
            PersonalDataWrites.allow(jdbc);
            sql("update judgment set updated_at = now() - interval '400 days' where learner_id = " + oldId);
            sql("update evidence set added_at = now() - interval '400 days' where learner_id = " + oldId);
            sql("update lti_user set last_launch_at = now() - interval '400 days' where id = " + oldId);
            sql("update jury_decision set decided_at = now() - interval '2200 days' where learner_id = " + oldId);
            sql("update jury_session set created_at = now() - interval '2200 days' where id in"
                    + " (select session_id from jury_decision where learner_id = " + oldId + ")");
            sql("update evidence set withdrawn_at = now() - interval '40 days' where id = " + withdrawnLongAgo);
            sql("update evidence set withdrawn_at = now() - interval '10 days' where id = " + withdrawnLately);
        });
        String marker = unique("log-");
        sql("insert into launch_log (at, outcome, detail) values (now() - interval '200 days', 'REFUSED', '" + marker
                + "-old'), (now(), 'REFUSED', '" + marker + "-new')");
        sql("insert into personal_data_read (at, platform_id, reader_sub, reader_role, learner_sub, what) values"
                + " (now() - interval '400 days', " + platformId + ", 'trainer', 'EVALUATOR', '" + fresh + "', 'GRID'),"
                + " (now() - interval '10 days', " + platformId + ", 'trainer', 'EVALUATOR', '" + fresh + "', 'GRID')");
        // Notifications: one sent 100 days ago, one sent lately, one pending for 100 days (never purged).
        String mail = unique("courriel-");
        sql("insert into notification (type, recipient, locale, status, message_id, updated_at) values"
                + " ('jury-decision', '" + mail + "-old@x.example', 'fr', 'SENT', '<" + mail + "-1>', now() - interval"
                + " '100 days'), ('jury-decision', '" + mail + "-new@x.example', 'fr', 'SENT', '<" + mail + "-2>',"
                + " now()), ('jury-decision', '" + mail + "-pending@x.example', 'fr', 'PENDING', '<" + mail + "-3>',"
                + " now() - interval '100 days')");
        // Tutor invitations: one expired 400 days ago (with its tokens and audit), one in force with a token
        // expired 10 days ago and one in force.
        long ended = invite(course, unique("ancien-tuteur") + "@entreprise.example", "Ancien", fresh);
        long standing = invite(course, unique("tuteur") + "@entreprise.example", "Actuel", fresh);
        links.mint(ended).orElseThrow();
        links.mint(standing).orElseThrow();
        links.mint(standing).orElseThrow();
        sql("update tutor_invitation set expires_at = now() - interval '400 days' where id = " + ended);
        sql("update tutor_sign_in_token set expires_at = now() - interval '10 days' where token_hash = (select"
                + " token_hash from tutor_sign_in_token where invitation_id = " + standing + " limit 1)");
        long judgmentsBefore = count("judgment");
        long freshJudgments = count("judgment where learner_id = " + freshId);
        long oldJudgments = count("judgment where learner_id = " + oldId);
        long oldOutbox = count("grade_outbox where learner_id = " + oldId);
        assertThat(oldJudgments).isPositive();

        sql("delete from retention_run");
        RetentionJob.Result result = retention.runIfDue().orElseThrow();

        // The old learner's evaluation, evidence, outbox rows and enrolment: gone; their identity pseudonymised.
        for (String table : List.of("judgment", "judgment_audit", "evidence", "evidence_audit", "grade_outbox")) {
            assertThat(count(table + " where learner_id = " + oldId)).as(table).isZero();
        }
        assertThat(count("enrolment where user_id = " + oldId)).isZero();
        assertThat(jdbc.sql("select sub from lti_user where id = " + oldId)
                        .query(String.class)
                        .single())
                .isEqualTo("expired-" + oldId);
        assertThat(count("lti_user where id = " + oldId + " and (name is not null or email is not null)"))
                .isZero();
        // Their jury decision: the outcome and date stay, the motive and its author go.
        assertThat(jdbc.sql("select outcome || ':' || reason || ':' || decided_by_sub || ':' || (decided_by_name is"
                                + " null) from jury_decision where learner_id = " + oldId)
                        .query(String.class)
                        .single())
                .isEqualTo("VALIDE:-:-:true");
        // The register: the document unchanged, still verifiable.
        assertThat(count("issued_document where number = '" + document + "' and pdf_sha256 = encode(sha256(pdf),"
                        + " 'hex') and facts::text like '%Prénom " + old + "%'"))
                .isEqualTo(1);

        // The other learner: everything kept but the item withdrawn more than 30 days ago.
        assertThat(count("judgment where learner_id = " + freshId)).isEqualTo(freshJudgments);
        assertThat(count("judgment_audit where learner_id = " + freshId)).isPositive();
        assertThat(count("evidence where learner_id = " + freshId)).isEqualTo(2);
        assertThat(count("evidence where id = " + withdrawnLongAgo)).isZero();
        assertThat(count("evidence where id = " + withdrawnLately)).isEqualTo(1);
        assertThat(count("enrolment where user_id = " + freshId)).isEqualTo(1);
        assertThat(count("judgment")).isEqualTo(judgmentsBefore - oldJudgments);
        assertThat(count("launch_log where detail = '" + marker + "-old'")).isZero();
        assertThat(count("launch_log where detail = '" + marker + "-new'")).isEqualTo(1);
        assertThat(count("personal_data_read where learner_sub = '" + fresh + "'"))
                .isEqualTo(1);
        assertThat(count("evaluation_session where course_id = " + courseId + " and is_current"))
                .isEqualTo(1);
        assertThat(count("notification where recipient = '" + mail + "-old@x.example'"))
                .isZero();
        assertThat(count("notification where recipient like '" + mail + "-%'")).isEqualTo(2);
        for (String table : List.of("tutor_invitation_learner", "tutor_sign_in_token", "tutor_audit")) {
            assertThat(count(table + " where invitation_id = " + ended))
                    .as(table)
                    .isZero();
        }
        assertThat(count("tutor_invitation where id = " + ended)).isZero();
        assertThat(count("tutor_invitation where id = " + standing)).isEqualTo(1);
        assertThat(count("tutor_invitation_learner where invitation_id = " + standing))
                .isEqualTo(1);
        assertThat(count("tutor_sign_in_token where invitation_id = " + standing))
                .isEqualTo(1);
        assertThat(count("tutor_audit where invitation_id = " + standing)).isPositive();

        // Counted: in the result, in the run's row.
        assertThat(result.purged().get("evaluation").get("judgment")).isEqualTo((int) oldJudgments);
        assertThat(result.purged().get("evidence").get("evidence_withdrawn")).isEqualTo(1);
        assertThat(result.purged().get("evidence").get("evidence")).isEqualTo(1);
        assertThat(result.purged().get("gradesync").get("grade_outbox")).isEqualTo((int) oldOutbox);
        assertThat(result.purged().get("jury").get("jury_decision_cleared")).isEqualTo(1);
        assertThat(result.purged().get("lti").get("launch_log")).isGreaterThanOrEqualTo(1);
        assertThat(result.purged().get("readlog").get("personal_data_read")).isGreaterThanOrEqualTo(1);
        assertThat(result.purged().get("notifications").get("notification")).isGreaterThanOrEqualTo(1);
        assertThat(result.purged().get("tutors").get("tutor_invitation")).isGreaterThanOrEqualTo(1);
        assertThat(retention.recent(1).get(0).id()).isEqualTo(result.id());
        // Not again before the minimum interval.
        assertThat(retention.runIfDue()).isEmpty();
        // The decisions' and audits' protection stands outside the job.
        assertThat(TestApplications.mostSpecificCause(
                                () -> sql("delete from jury_decision where learner_id = " + oldId))
                        .getMessage())
                .contains("append-only");
    }

    @Test
    void theAdministratorAppliesThePeriodsFromThePrivacyPage() {
        LtiClient admin = admin();
        String page = admin.get("/admin/privacy").body();
        assertThat(page)
                .contains("365 jours après la fin de la formation")
                .contains("30 jours après son retrait")
                .contains("sans adresse : 90 jours")
                .contains("journal) : 365 jours après leur expiration");
        assertThat(admin.get("/admin").body()).contains("href=\"/admin/privacy\"");
        sql("delete from retention_run");
        assertThat(admin.send("POST", "/admin/privacy/retention", "", FORM).statusCode())
                .isEqualTo(403);
        assertThat(count("retention_run")).isZero();
        var applied = admin.send("POST", "/admin/privacy/retention", "_csrf=" + csrf(page), FORM);
        assertThat(applied.statusCode()).isEqualTo(302);
        assertThat(count("retention_run")).isEqualTo(1);
        assertThat(admin.get("/admin/privacy").body())
                .contains("Durées appliquées")
                .contains("retention-runs");
        // Again: not due, said so, nothing run.
        admin.send("POST", "/admin/privacy/retention", "_csrf=" + csrf(page), FORM);
        assertThat(admin.get("/admin/privacy").body()).contains("déjà été appliquées récemment");
        assertThat(count("retention_run")).isEqualTo(1);
        // Not for a launch.
        AgsCourse course = new AgsCourse(this, LMS, registry, unique("x"));
        assertThat(course.trainer
                        .send("POST", "/admin/privacy/retention", "", FORM)
                        .statusCode())
                .isIn(302, 401, 403);
        assertThat(count("retention_run")).isEqualTo(1);
    }

    // --- Archive ---------------------------------------------------------------------------------------------------

    @Test
    void aLearnersArchiveHoldsTheirDataAndNoOneElses() throws Exception {
        String learner = unique("lea");
        String other = unique("autre");
        AgsCourse course = new AgsCourse(this, LMS, registry, learner, other);
        comment(course, learner, "C1.2", "Bon classement " + learner);
        comment(course, other, "C1.2", "Remarque " + other);
        byte[] mine = ("%PDF-1.7\n% " + learner + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        evidence(course, learner, mine);
        evidence(course, other, ("%PDF-1.7\n% " + other + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII));
        String number = decideAndIssue(course, learner);

        // From the learner's launch: the link on their page, then the archive.
        LtiClient self = course.learner(learner);
        assertThat(self.get("/app").body()).contains("href=\"/app/me/archive\"");
        HttpResponse<byte[]> zip = self.getBytes("/app/me/archive");
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type").orElse("")).startsWith("application/zip");
        Map<String, byte[]> entries = unzip(zip.body());
        String json = new String(entries.get("personal-data.json"), StandardCharsets.UTF_8);
        JsonNode data = Json.read(json);
        assertThat(data.get("course").get("identity").get("email").asText()).isEqualTo(learner + "@moodle.example");
        assertThat(json)
                .contains("Bon classement " + learner)
                .contains("VALIDE")
                .contains(number);
        assertThat(data.get("evaluation").get("judgments").size()).isGreaterThanOrEqualTo(1);
        assertThat(entries).containsKey("documents/" + number + ".pdf");
        assertThat(entries.values()).anySatisfy(bytes -> assertThat(bytes).isEqualTo(mine));
        String everything = entries.values().stream()
                .map(b -> new String(b, StandardCharsets.ISO_8859_1))
                .reduce("", String::concat);
        assertThat(everything).doesNotContain(other);
        // The bloc's credential as issued (JSON and VC-JWT), the notifications by type, date and status, no text.
        long learnerId = userId(course.platform.platform().id(), learner);
        Map<String, Object> credential = jdbc.sql(
                        "select id::text as id, json, jwt from credential where learner_id = " + learnerId)
                .query()
                .singleRow();
        assertThat(data.get("credentials").get("issued").get(0).get("id").asText())
                .isEqualTo(credential.get("id"));
        assertThat(new String(entries.get("credentials/" + credential.get("id") + ".json"), StandardCharsets.UTF_8))
                .isEqualTo(credential.get("json"));
        assertThat(new String(entries.get("credentials/" + credential.get("id") + ".jwt"), StandardCharsets.UTF_8))
                .isEqualTo(credential.get("jwt"));
        JsonNode notifications = data.get("notifications").get("sent");
        assertThat(notifications.size()).isPositive();
        assertThat(notifications.get(0).has("type")).isTrue();
        assertThat(notifications.get(0).has("status")).isTrue();
        assertThat(notifications.get(0).has("params")).isFalse();

        // An invited tutor's archive: their invitations and their audit, not the learners' ids.
        String tutorEmail = unique("tuteur") + "@entreprise.example";
        invite(course, tutorEmail, "Tuteur invité", learner);
        LtiClient admin = admin();
        HttpResponse<byte[]> tutors = admin.getBytes(
                personLink(admin.get("/admin/privacy?q=" + tutorEmail).body()) + "/archive");
        assertThat(tutors.statusCode()).isEqualTo(200);
        String tutorJson = new String(unzip(tutors.body()).get("personal-data.json"), StandardCharsets.UTF_8);
        JsonNode invitation =
                Json.read(tutorJson).get("tutors").get("invitations").get(0);
        assertThat(invitation.get("email").asText()).isEqualTo(tutorEmail);
        assertThat(invitation.get("learners").asInt()).isEqualTo(1);
        assertThat(invitation.get("audit").findValuesAsString("action")).contains("INVITED");
        assertThat(tutorJson).doesNotContain(learner);

        // The administrator, for the other one: the same archive, of that person only.
        String page = admin.get("/admin/privacy?q=" + other).body();
        String personPath = personLink(page);
        HttpResponse<byte[]> theirs = admin.getBytes(personPath + "/archive");
        assertThat(theirs.statusCode()).isEqualTo(200);
        Map<String, byte[]> theirEntries = unzip(theirs.body());
        String theirJson = new String(theirEntries.get("personal-data.json"), StandardCharsets.UTF_8);
        assertThat(theirJson).contains("Remarque " + other).doesNotContain(learner);
        readLog.flush();
        assertThat(readLog.ofLearner(course.platform.platform().id(), other, 10))
                .extracting(r -> r.readerSub() + " " + r.what())
                .contains("admin:admin ARCHIVE");
        // A learner never gets someone else's: no route takes a person's id from a launch.
        assertThat(self.getBytes("/admin/privacy" + personPath.substring("/admin/privacy".length()) + "/archive")
                        .statusCode())
                .isIn(302, 401, 403);
    }

    // --- Read log --------------------------------------------------------------------------------------------------

    @Test
    void aTrainersReadsOfALearnersDataAreLoggedTheLearnersOwnAreNot() {
        String learner = unique("lu");
        AgsCourse course = new AgsCourse(this, LMS, registry, learner);
        long evidenceId = evidence(course, learner, PDF);
        String number = decideAndIssue(course, learner);
        long platformId = course.platform.platform().id();

        assertThat(course.trainer.get("/app/learners/" + learner).statusCode()).isEqualTo(200);
        assertThat(course.trainer
                        .getBytes("/api/v1/learners/" + learner + "/evidence/" + evidenceId + "/content")
                        .statusCode())
                .isEqualTo(200);
        assertThat(course.trainer
                        .getBytes("/api/v1/documents/" + number + "/pdf")
                        .statusCode())
                .isEqualTo(200);
        // A refused read (a learner the course does not know) is no read.
        course.trainer.get("/app/learners/" + unique("personne"));
        LtiClient self = course.learner(learner);
        assertThat(self.get("/app/me").statusCode()).isEqualTo(200);
        assertThat(self.get("/api/v1/learners/" + learner + "/grid").statusCode())
                .isEqualTo(200);
        assertThat(self.getBytes("/api/v1/learners/" + learner + "/evidence/" + evidenceId + "/content")
                        .statusCode())
                .isEqualTo(200);
        readLog.flush();

        List<ReadLog.Read> reads = readLog.ofLearner(platformId, learner, 50);
        assertThat(reads)
                .extracting(r -> r.readerSub() + " " + r.what() + " " + r.item())
                .containsExactlyInAnyOrder(
                        "trainer GRID null", "trainer EVIDENCE_FILE " + evidenceId, "trainer DOCUMENT_PDF " + number);
        assertThat(count(
                        "personal_data_read where platform_id = " + platformId + " and reader_sub = '" + learner + "'"))
                .isZero();

        // The administrator sees them on the person's page.
        LtiClient admin = admin();
        String page = admin.get(
                        personLink(admin.get("/admin/privacy?q=" + learner).body()))
                .body();
        assertThat(page)
                .contains("Prénom trainer")
                .contains("fichier de preuve")
                .contains(number);
    }

    // --- Erasure ---------------------------------------------------------------------------------------------------

    @Test
    void anErasureThroughTheAdministrationLeavesTheirIdentityOnlyInTheRegister() throws Exception {
        Optional<Path> pgDump = PgDump.clientTool("pg_dump");
        assumeTrue(pgDump.isPresent(), "pg_dump (PostgreSQL client) is needed");
        String learner = unique("efface");
        String other = unique("reste");
        AgsCourse course = new AgsCourse(this, LMS, registry, learner, other);
        comment(course, learner, "C1.2", "À revoir");
        comment(course, other, "C1.2", "Très bien " + other);
        evidence(course, learner, ("%PDF-1.7\n% " + learner + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII));
        String number = decideAndIssue(course, learner);
        course.trainer.get("/app/learners/" + learner);
        // A tuteur entreprise invited by e-mail for the learner signs in and opens the learner's grid.
        String tutorEmail = unique("tuteur") + "@entreprise.example";
        String tutorName = unique("Tutrice ");
        long invitation = invite(course, tutorEmail, tutorName, learner);
        String tutorSub = "tutor-invitation:"
                + jdbc.sql("select public_id::text from tutor_invitation where id = :i")
                        .param("i", invitation)
                        .query(String.class)
                        .single();
        LtiClient tutor = signIn(links.mint(invitation).orElseThrow());
        assertThat(tutor.get("/app/learners/" + learner).statusCode()).isEqualTo(200);
        readLog.flush();
        long platformId = course.platform.platform().id();
        long id = userId(platformId, learner);
        long decisions = count("jury_decision where learner_id = " + id);
        long credentials = count("credential where learner_id = " + id);
        assertThat(credentials).as("the validated bloc's credential").isEqualTo(1);
        String learnerEmail = learner + "@moodle.example";
        assertThat(count("notification where recipient = '" + learnerEmail + "'"))
                .isPositive();
        assertThat(count("notification where recipient = '" + tutorEmail + "'")).isPositive();
        assertThat(count("tutor_audit where detail like '%" + learner + "%'")).isPositive();

        LtiClient admin = admin();
        // The invited tutor is found by their address, and erased first.
        String tutorPath =
                personLink(admin.get("/admin/privacy?q=" + tutorEmail).body());
        String tutorConfirm = admin.get(tutorPath + "/erase").body();
        assertThat(tutorConfirm).contains("invitations de tuteur entreprise");
        assertThat(admin.send(
                                "POST",
                                tutorPath + "/erase",
                                LtiClient.form(Map.of(
                                        "reason", "Demande du tuteur", "confirm", "yes", "_csrf", csrf(tutorConfirm))),
                                FORM)
                        .statusCode())
                .isEqualTo(302);
        assertThat(count("tutor_sign_in_token where invitation_id = " + invitation))
                .isZero();
        assertThat(count("tutor_invitation where id = " + invitation + " and revoked_at is not null"))
                .isEqualTo(1);
        assertThat(tutor.get("/app").statusCode()).isNotEqualTo(200);

        String personPath = personLink(admin.get("/admin/privacy?q=" + learner).body());
        String confirm = admin.get(personPath + "/erase").body();
        assertThat(confirm)
                .contains("Ce qui est conservé")
                .contains("décisions du jury paritaire")
                .contains("doivent rester vérifiables")
                .contains("badges numériques");
        String csrf = csrf(confirm);
        // Without CSRF, without a reason, without the confirmation: refused, nothing erased.
        assertThat(admin.send(
                                "POST",
                                personPath + "/erase",
                                LtiClient.form(Map.of("reason", "demande", "confirm", "yes")),
                                FORM)
                        .statusCode())
                .isEqualTo(403);
        var noReason = admin.send(
                "POST", personPath + "/erase", LtiClient.form(Map.of("confirm", "yes", "_csrf", csrf)), FORM);
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("Indiquez le motif");
        var unconfirmed = admin.send(
                "POST", personPath + "/erase", LtiClient.form(Map.of("reason", "demande", "_csrf", csrf)), FORM);
        assertThat(unconfirmed.statusCode()).isEqualTo(400);
        assertThat(count("judgment where learner_id = " + id)).isPositive();

        var erased = admin.send(
                "POST",
                personPath + "/erase",
                LtiClient.form(Map.of("reason", "Demande de l'intéressé du 3 mars", "confirm", "yes", "_csrf", csrf)),
                FORM);
        assertThat(erased.statusCode()).isEqualTo(302);
        String after = admin.get("/admin/privacy").body();
        Matcher pseudonym = Pattern.compile("(erased-[0-9a-f]{16})").matcher(after);
        assertThat(pseudonym.find()).isTrue();
        assertThat(after).contains("Demande de l&#39;intéressé du 3 mars");

        // The register keeps the decisions and the document; the person's name, e-mail and LTI id are nowhere else.
        assertThat(count("jury_decision where learner_id = " + id)).isEqualTo(decisions);
        assertThat(count("issued_document where number = '" + number + "'")).isEqualTo(1);
        assertThat(count("credential where learner_id = " + id)).isEqualTo(credentials);
        // Their notifications, pending ones included: nothing more is sent to them.
        assertThat(count("notification where lower(recipient) in ('" + learnerEmail + "', '" + tutorEmail + "')"))
                .isZero();
        assertThat(count("judgment where learner_id = " + id)).isZero();
        assertThat(count("evidence where learner_id = " + id)).isZero();
        assertThat(count("judgment where learner_id = " + userId(platformId, other)))
                .isPositive();
        String dump = PgDump.plain(pgDump.get(), database, temp.resolve("after-erasure.sql"));
        List<String> identity = List.of(learner, learnerEmail, "Prénom " + learner);
        Map<String, String> where = whereFound(dump, identity);
        // The credential register keeps the learner's credential, but it names them by a salted hash only.
        assertThat(where.values()).as("tables holding the identity: %s", where).containsOnly("issued_document");
        assertThat(where).isNotEmpty();
        Map<String, String> tutorFound = whereFound(dump, List.of(tutorEmail, tutorName, tutorSub));
        assertThat(tutorFound).as("tables holding the tutor's identity").isEmpty();
        // The other learner is untouched, and the erasure's log holds the pseudonym, not the person.
        assertThat(whereFound(dump, List.of("Très bien " + other))).containsValue("judgment");
        assertThat(jdbc.sql("select erased::text from personal_data_erasure where pseudonym = :p")
                        .param("p", pseudonym.group(1))
                        .query(String.class)
                        .single())
                .doesNotContain(learner);
        // The erased person's launch session is gone.
        assertThat(course.learner(learner).get("/app/me").statusCode()).isNotEqualTo(200);
    }

    /** Each line of the dump holding one of the texts (as text, or hex-encoded in a bytea), by table of its COPY. */
    static Map<String, String> whereFound(String dump, List<String> texts) {
        Map<String, String> found = new LinkedHashMap<>();
        String table = "(schema)";
        int lineNumber = 0;
        for (String line : dump.split("\n")) {
            lineNumber++;
            if (line.startsWith("COPY public.")) {
                table = line.substring("COPY public.".length(), line.indexOf(' ', "COPY public.".length()));
            } else if (line.equals("\\.")) {
                table = "(schema)";
            }
            String lower = line.toLowerCase(Locale.ROOT);
            for (String text : texts) {
                String hex = HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
                if (line.contains(text) || lower.contains(hex)) {
                    found.put(lineNumber + ": " + text, table);
                }
            }
        }
        return found;
    }

    // --- Helpers ---------------------------------------------------------------------------------------------------

    /** The course's trainer invites a tutor through the invitations page: the invitation's id. */
    long invite(AgsCourse course, String email, String name, String learner) {
        String href = Jsoup.parse(course.trainer.get("/app/tutors").body())
                .selectFirst("#invitations-link")
                .attr("href");
        String page = course.trainer.get(href).body();
        Element form = Jsoup.parse(page).selectFirst("#invite-form");
        Map<String, String> headers = new LinkedHashMap<>(course.trainer.csrfHeaders(page));
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        headers.put("HX-Request", "true");
        var invited = course.trainer.send(
                "POST",
                form.attr("hx-post"),
                LtiClient.form(Map.of("email", email, "name", name, "language", "fr", "learner", learner)),
                headers);
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(200);
        return id("select id from tutor_invitation where email = '" + email + "'");
    }

    /** The tutor opens their link's page and sends its form, as a browser does. */
    LtiClient signIn(URI link) {
        LtiClient tutor = browser();
        var page = tutor.get(link.getRawPath() + "?" + link.getRawQuery());
        Element form = Jsoup.parse(page.body()).selectFirst("form[method=post]");
        Map<String, String> fields = new LinkedHashMap<>();
        form.select("input[type=hidden]").forEach(input -> fields.put(input.attr("name"), input.attr("value")));
        var signedIn = tutor.send("POST", form.attr("action"), LtiClient.form(fields), FORM);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        return tutor;
    }

    LtiClient admin() {
        LtiClient admin = browser();
        String page = admin.get("/admin/login").body();
        var login = admin.send(
                "POST",
                "/admin/login",
                LtiClient.form(Map.of("username", "admin", "password", "test-admin-password", "_csrf", csrf(page))),
                FORM);
        assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/admin");
        return admin;
    }

    static String csrf(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("csrf field").isTrue();
        return m.group(1);
    }

    static String personLink(String page) {
        Matcher m = Pattern.compile("href=\"(/admin/privacy/people/\\d+)\"").matcher(page);
        assertThat(m.find()).as("a person found in %s", page).isTrue();
        return m.group(1);
    }

    static void comment(AgsCourse course, String learner, String criterion, String comment) {
        var response = course.trainer.send(
                "PUT",
                "/api/v1/learners/" + learner + "/judgments/" + criterion,
                "{\"status\":\"EN_COURS\",\"modality\":\"ENTRETIEN\",\"comment\":\"" + comment + "\"}",
                course.trainerHeaders);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    static long evidence(AgsCourse course, String learner, byte[] pdf) {
        Map<String, String> upload = new LinkedHashMap<>(
                course.trainer.csrfHeaders(course.trainer.get("/app").body()));
        upload.put("Accept", "application/json");
        var uploaded = course.trainer.send(
                "POST",
                "/api/v1/learners/" + learner + "/evidence",
                LtiClient.multipart(Map.of("blocCode", "B1"), "preuve.pdf", "application/pdf", pdf, upload),
                upload);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        return Json.read(uploaded.body()).get("id").asLong();
    }

    /** A jury decides bloc B1 for the learner, and their attestation is issued: its number. */
    static String decideAndIssue(AgsCourse course, String learner) {
        LocalDate yesterday = LocalDate.now(ZoneId.of("Europe/Paris")).minusDays(1);
        var session = course.trainer.send(
                "POST",
                "/api/v1/jury-sessions",
                "{\"heldOn\": \"" + yesterday + "\", \"place\": \"Lyon\", \"members\": "
                        + "[{\"name\": \"Claire Martin\", \"college\": \"EMPLOYEURS\", \"role\": \"PRESIDENT\"},"
                        + " {\"name\": \"Paul Durand\", \"college\": \"SALARIES\", \"role\":"
                        + " \"REPRESENTANT_SALARIES\"}],"
                        + " \"candidates\": [\"" + learner + "\"]}",
                course.trainerHeaders);
        assertThat(session.statusCode()).as(session.body()).isEqualTo(201);
        long sessionId = Json.read(session.body()).get("id").asLong();
        var decided = course.trainer.send(
                "POST",
                "/api/v1/jury-sessions/" + sessionId + "/decisions",
                "{\"learnerId\": \"" + learner + "\", \"blocCode\": \"B1\", \"outcome\": \"VALIDE\", \"votesFor\": 2,"
                        + " \"votesAgainst\": 0, \"votesAbstention\": 0, \"reason\": \"Compétences démontrées\"}",
                course.trainerHeaders);
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(201);
        var issued = course.trainer.send(
                "POST",
                "/api/v1/learners/" + learner + "/documents",
                "{\"kind\": \"ATTESTATION\"}",
                course.trainerHeaders);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return Json.read(issued.body()).get("document").get("number").asText();
    }

    static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    long userId(long platformId, String sub) {
        return jdbc.sql("select id from lti_user where platform_id = :p and sub = :s")
                .param("p", platformId)
                .param("s", sub)
                .query(Long.class)
                .single();
    }

    long id(String query) {
        return jdbc.sql(query).query(Long.class).single();
    }

    long count(String from) {
        return jdbc.sql("select count(*) from " + from).query(Long.class).single();
    }

    void sql(String statement) {
        jdbc.sql(statement).update();
    }
}
