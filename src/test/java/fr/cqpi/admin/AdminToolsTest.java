package fr.cqpi.admin;

import static fr.cqpi.admin.AdminTest.FORM;
import static fr.cqpi.admin.AdminTest.csrfField;
import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.lti.RegistrationInvitations;
import fr.cqpi.support.LtiClient;
import fr.cqpi.support.TestPlatform;
import fr.cqpi.support.ToolIntegrationTest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What issue 21 asked of the administration beyond the platforms, over HTTP: the tool's own URLs, an invitation
 * renewed, the courses and the launch log, a platform deleted without losing judgments, more administrators and a
 * password changed; each write refused without CSRF, by a wrong current password (400, nothing stored) and to
 * anyone but an administrator.
 */
class AdminToolsTest extends ToolIntegrationTest {

    static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";

    @Autowired
    RegistrationInvitations invitations;

    LtiClient signedIn(String username, String password) {
        LtiClient admin = browser();
        String page = admin.get("/admin/login").body();
        var login = admin.send(
                "POST",
                "/admin/login",
                LtiClient.form(Map.of("username", username, "password", password, "_csrf", csrf(page))),
                FORM);
        assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/admin");
        return admin;
    }

    LtiClient admin() {
        return signedIn("admin", "test-admin-password");
    }

    static String csrf(String page) {
        return csrfField(page).get("X-CSRF-TOKEN");
    }

    static Map<String, String> with(String csrf, String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        form.put("_csrf", csrf);
        return form;
    }

    @Test
    void theToolsOwnUrlsAreTheOnesItServes() {
        String page = admin().get("/admin").body();
        String base = "http://localhost:" + port;
        assertThat(page)
                .contains("value=\"" + base + "/lti/login\"")
                .contains("value=\"" + base + "/lti/launch\"")
                .contains("value=\"" + base + "/.well-known/jwks.json\"")
                .contains("value=\"" + base + "/app\"")
                .contains("value=\"" + base + "/lti/register\"")
                .contains("Adresse d&#39;initiation de la connexion")
                .contains("Copier");
        assertThat(browser().get("/.well-known/jwks.json").body()).contains("\"keys\"");
        // Human labels, the technical name as a hint.
        assertThat(page)
                .contains("Identifiant de la plateforme")
                .contains("Adresse des clés publiques de la plateforme");
        assertThat(page).doesNotContain("<label for=\"issuer\">issuer</label>");
    }

    @Test
    void thePageSpeaksTheBrowsersLanguage() {
        String page = admin().get("/admin", Map.of("Accept-Language", "en-GB,en;q=0.9"))
                .body();
        assertThat(page)
                .contains("Install the tool by hand")
                .contains("Login initiation address")
                .contains("Courses using the tool")
                .contains("Recent launches")
                .contains("Platform identifier")
                .contains("Change my password")
                .doesNotContain("Installer l&#39;outil");
    }

    @Test
    void renewingAPendingInvitationRevokesItAndShowsANewUrlOnce() {
        LtiClient admin = admin();
        String csrf = csrf(admin.get("/admin").body());
        var created = admin.send(
                "POST",
                "/admin/invitations",
                LtiClient.form(with(csrf, "note", "à renouveler", "validity_days", "3")),
                FORM);
        assertThat(created.statusCode()).isEqualTo(302);
        String first = invitationUrl(admin.get("/admin").body());
        long id = invitations.usable(token(first)).orElseThrow();

        var renewed = admin.send("POST", "/admin/invitations/" + id + "/renew", "_csrf=" + csrf, FORM);
        assertThat(renewed.statusCode()).isEqualTo(302);
        String page = admin.get("/admin").body();
        String second = invitationUrl(page);
        assertThat(second).isNotEqualTo(first).startsWith("http://localhost:" + port + "/lti/register?invitation=");
        assertThat(invitations.usable(token(first))).isEmpty();
        long newId = invitations.usable(token(second)).orElseThrow();
        var renewedOne = invitations.all().stream()
                .filter(i -> i.id() == newId)
                .findFirst()
                .orElseThrow();
        assertThat(renewedOne.note()).isEqualTo("à renouveler");
        assertThat(renewedOne.expiresAt()).isAfter(renewedOne.createdAt().plusSeconds(3 * 86400 - 60));
        assertThat(invitations.all().stream()
                        .filter(i -> i.id() == id)
                        .findFirst()
                        .orElseThrow()
                        .state())
                .isEqualTo(RegistrationInvitations.State.REVOKED);
        // Shown once.
        assertThat(admin.get("/admin").body()).doesNotContain("id=\"invitation-url\"");

        // The revoked one cannot be renewed: nothing new.
        long before = jdbc.sql("select count(*) from registration_invitation")
                .query(Long.class)
                .single();
        admin.send("POST", "/admin/invitations/" + id + "/renew", "_csrf=" + csrf, FORM);
        assertThat(admin.get("/admin").body())
                .contains("n&#39;est plus en attente")
                .doesNotContain("invitation-url\"");
        assertThat(jdbc.sql("select count(*) from registration_invitation")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);

        // Without CSRF: refused, nothing renewed.
        assertThat(admin.send("POST", "/admin/invitations/" + newId + "/renew", "", FORM)
                        .statusCode())
                .isEqualTo(403);
        assertThat(invitations.usable(token(second))).contains(newId);
    }

    static String invitationUrl(String page) {
        Matcher url =
                Pattern.compile("id=\"invitation-url\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(url.find()).as("invitation url shown").isTrue();
        return url.group(1);
    }

    static String token(String url) {
        return LtiClient.queryOf(url).get("invitation");
    }

    @Test
    void coursesAndLaunchesAreListedRefusalsWithTheirReason() {
        TestPlatform moodle = newPlatform("courses");
        String context = "ctx-" + UUID.randomUUID().toString().substring(0, 6);
        LtiClient teacher = browser();
        teacher.launch(moodle, "t1", n -> moodle.moodleLaunch("t1", INSTRUCTOR, n, context));
        // A launch from a site the tool does not know.
        String unknown = "https://unknown-" + UUID.randomUUID().toString().substring(0, 6) + ".example";
        var refused =
                browser().initiateLogin(Map.of("iss", unknown, "login_hint", "u", "target_link_uri", "http://x/app"));
        assertThat(refused.status()).isEqualTo(403);

        assertThat(registry.overview().stream()
                        .filter(o -> o.platform().id() == moodle.platform().id())
                        .findFirst()
                        .orElseThrow()
                        .lastLaunch())
                .isNotNull();

        String page = admin().get("/admin").body();
        String courses = page.substring(page.indexOf("id=\"courses\""), page.indexOf("id=\"launches\""));
        assertThat(courses)
                .contains(moodle.platform().name())
                .contains("CQPI Assistant(e) " + context)
                .contains("<code>" + context + "</code>");
        String log = page.substring(page.indexOf("id=\"launches\""), page.indexOf("id=\"install\""));
        assertThat(log)
                .contains("Accepté")
                .contains("CQPI Assistant(e) " + context)
                .contains("évaluation")
                .contains("Refusé")
                .contains("Cette plateforme n&#39;est pas enregistrée")
                .contains(unknown);
        // No token, state or nonce in the log's table.
        assertThat(jdbc.sql("select count(*) from launch_log where detail like '%eyJ%' or issuer like '%eyJ%'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aDeletedPlatformIsHiddenAndClosedButItsJudgmentsAreKept() {
        TestPlatform moodle = newPlatform("deleted");
        String context = "ctx-" + UUID.randomUUID().toString().substring(0, 6);
        browser().launch(moodle, "t2", n -> moodle.moodleLaunch("t2", INSTRUCTOR, n, context));
        long platformId = moodle.platform().id();
        long courseId = jdbc.sql("select id from course where platform_id = :p")
                .param("p", platformId)
                .query(Long.class)
                .single();
        long userId = jdbc.sql("select id from lti_user where platform_id = :p")
                .param("p", platformId)
                .query(Long.class)
                .single();
        long sessionId = jdbc.sql("""
                        insert into evaluation_session (course_id, kind, held_on, is_current, created_by_sub)
                        values (:c, 'EVALUATION_INTERMEDIAIRE', current_date, true, 't2') returning id""").param("c", courseId).query(Long.class).single();
        jdbc.sql("""
                        insert into judgment (course_id, learner_id, referentiel_code, criterion_code, status, version,
                            updated_by_sub, updated_at, evaluator_role, session_id)
                        values (:c, :u, 'cqpi-assistant', 'C1.1', 'ACQUIS', 1, 't2', now(), 'EVALUATEUR', :s)""")
                .param("s", sessionId)
                .param("c", courseId)
                .param("u", userId)
                .update();

        LtiClient admin = admin();
        String confirm = admin.get("/admin/platforms/" + platformId + "/delete").body();
        assertThat(confirm)
                .contains("Supprimer la plateforme " + moodle.platform().name())
                .contains("Ses 1 cours et leurs 1 jugements sont conservés");
        String csrf = csrf(confirm);

        // Without CSRF, or by an LTI session: refused, nothing deleted.
        assertThat(admin.send("POST", "/admin/platforms/" + platformId + "/delete", "", FORM)
                        .statusCode())
                .isEqualTo(403);
        assertThat(registry.findForLogin(moodle.issuer(), moodle.clientId())).isPresent();

        var deleted = admin.send("POST", "/admin/platforms/" + platformId + "/delete", "_csrf=" + csrf, FORM);
        assertThat(deleted.statusCode()).isEqualTo(302);
        String page = admin.get("/admin").body();
        assertThat(page).contains("Plateforme supprimée").doesNotContain(moodle.issuer());
        assertThat(registry.findForLogin(moodle.issuer(), moodle.clientId())).isEmpty();
        assertThat(browser().initiateLogin(moodle, "t2").status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from judgment where course_id = :c")
                        .param("c", courseId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select action from platform_audit where platform_id = :p order by id desc limit 1")
                        .param("p", platformId)
                        .query(String.class)
                        .single())
                .isEqualTo("DELETED");
        // Deleting it again: 404.
        assertThat(admin.send("POST", "/admin/platforms/" + platformId + "/delete", "_csrf=" + csrf, FORM)
                        .statusCode())
                .isEqualTo(404);

        // The configuration (platforms file, at each start) does not bring it back.
        moodle.register(registry);
        assertThat(registry.findForLogin(moodle.issuer(), moodle.clientId())).isEmpty();
        // Saved again in the administration with the same issuer and client id: back, with its course.
        var platform = registry.findById(platformId).orElseThrow();
        var saved = admin.send(
                "POST",
                "/admin/platforms",
                LtiClient.form(with(
                        csrf,
                        "name",
                        platform.name(),
                        "issuer",
                        platform.issuer(),
                        "client_id",
                        platform.clientId(),
                        "deployment_ids",
                        moodle.deploymentId(),
                        "authorization_endpoint",
                        platform.authorizationEndpoint(),
                        "token_endpoint",
                        platform.tokenEndpoint(),
                        "jwks_uri",
                        platform.jwksUri())),
                FORM);
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(registry.findForLogin(moodle.issuer(), moodle.clientId())
                        .orElseThrow()
                        .id())
                .isEqualTo(platformId);
        assertThat(registry.findById(platformId).orElseThrow().enabled()).isTrue();
        assertThat(admin.get("/admin").body()).contains(moodle.issuer()).contains("<code>" + context + "</code>");
    }

    @Test
    void anAdministratorAddsAnotherWhoChangesTheirPassword() {
        LtiClient admin = admin();
        String csrf = csrf(admin.get("/admin").body());
        String name = "second-" + UUID.randomUUID().toString().substring(0, 6);

        // Wrong current password: 400, nobody added.
        var wrong = admin.send(
                "POST",
                "/admin/accounts",
                LtiClient.form(with(
                        csrf,
                        "username",
                        name,
                        "new_password",
                        "un mot de passe long",
                        "new_password_confirmation",
                        "un mot de passe long",
                        "current_password",
                        "not-the-password")),
                FORM);
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("Mot de passe actuel incorrect");
        assertThat(count(name)).isZero();
        // Without CSRF: 403, nobody added.
        var noCsrf = admin.send(
                "POST",
                "/admin/accounts",
                "username=" + name + "&new_password=un+mot+de+passe+long&new_password_confirmation=un+mot+de+passe+long"
                        + "&current_password=test-admin-password",
                FORM);
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        assertThat(count(name)).isZero();
        // Too short, or a confirmation that differs: 400.
        assertThat(admin.send(
                                "POST",
                                "/admin/accounts",
                                LtiClient.form(with(
                                        csrf,
                                        "username",
                                        name,
                                        "new_password",
                                        "court",
                                        "new_password_confirmation",
                                        "court",
                                        "current_password",
                                        "test-admin-password")),
                                FORM)
                        .statusCode())
                .isEqualTo(400);
        assertThat(count(name)).isZero();

        var added = admin.send(
                "POST",
                "/admin/accounts",
                LtiClient.form(with(
                        csrf,
                        "username",
                        name,
                        "new_password",
                        "un mot de passe long",
                        "new_password_confirmation",
                        "un mot de passe long",
                        "current_password",
                        "test-admin-password")),
                FORM);
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin").body())
                .contains("Administrateur ajouté.")
                .contains(name);
        assertThat(jdbc.sql("select password_hash from admin_account where username = :u")
                        .param("u", name)
                        .query(String.class)
                        .single())
                .startsWith("{bcrypt}$2");

        LtiClient second = signedIn(name, "un mot de passe long");
        LtiClient elsewhere = signedIn(name, "un mot de passe long");
        String secondCsrf = csrf(second.get("/admin").body());
        String hashBefore = hash(name);
        var refused = second.send(
                "POST",
                "/admin/account/password",
                LtiClient.form(with(
                        secondCsrf,
                        "current_password",
                        "wrong password!",
                        "new_password",
                        "encore plus long et neuf",
                        "new_password_confirmation",
                        "encore plus long et neuf")),
                FORM);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Mot de passe actuel incorrect : rien n&#39;a été enregistré.");
        assertThat(hash(name)).isEqualTo(hashBefore);

        var changed = second.send(
                "POST",
                "/admin/account/password",
                LtiClient.form(with(
                        secondCsrf,
                        "current_password",
                        "un mot de passe long",
                        "new_password",
                        "encore plus long et neuf",
                        "new_password_confirmation",
                        "encore plus long et neuf")),
                FORM);
        assertThat(changed.statusCode()).isEqualTo(302);
        // Its other session ends; this one goes on.
        assertThat(elsewhere.get("/admin").statusCode()).isEqualTo(302);
        assertThat(second.get("/admin").body()).contains("Mot de passe changé.");
        assertThat(hash(name)).isNotEqualTo(hashBefore);
        signedIn(name, "encore plus long et neuf");
        LtiClient old = browser();
        var oldLogin = old.send(
                "POST",
                "/admin/login",
                LtiClient.form(Map.of(
                        "username",
                        name,
                        "password",
                        "un mot de passe long",
                        "_csrf",
                        csrf(old.get("/admin/login").body()))),
                FORM);
        assertThat(oldLogin.headers().firstValue("Location").orElse("")).endsWith("/admin/login?error");
        // The first administrator is unchanged.
        admin();
    }

    @Test
    void nonAdministratorsCannotWrite() {
        // Anonymous, with a valid CSRF token of the login page: sent to the login, nothing stored.
        LtiClient anonymous = browser();
        String csrf = csrf(anonymous.get("/admin/login").body());
        var response = anonymous.send(
                "POST",
                "/admin/accounts",
                LtiClient.form(with(
                        csrf,
                        "username",
                        "intruder",
                        "new_password",
                        "un mot de passe long",
                        "new_password_confirmation",
                        "un mot de passe long",
                        "current_password",
                        "x")),
                FORM);
        assertThat(response.statusCode()).isIn(302, 401, 403);
        assertThat(URI.create(response.headers().firstValue("Location").orElse("http://x/admin/login"))
                        .getPath())
                .isEqualTo("/admin/login");
        assertThat(count("intruder")).isZero();

        // An LTI session (even a platform administrator): no administration.
        TestPlatform moodle = newPlatform("lti-admin");
        LtiClient teacher = browser();
        teacher.launch(
                moodle,
                "a",
                n -> moodle.moodleLaunch(
                        "a", "http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator", n, "c"));
        String page = teacher.get("/app").body();
        var asLti = teacher.send(
                "POST",
                "/admin/platforms/" + moodle.platform().id() + "/delete",
                "",
                new LinkedHashMap<>(Map.of(
                        "Content-Type", "application/x-www-form-urlencoded", "X-CSRF-TOKEN", lenientCsrf(page))));
        assertThat(asLti.statusCode()).isIn(302, 401, 403);
        assertThat(registry.findForLogin(moodle.issuer(), moodle.clientId())).isPresent();
        assertThat(teacher.get("/admin/platforms/" + moodle.platform().id() + "/delete")
                        .statusCode())
                .isIn(302, 403);

        // The API without credentials: 401.
        assertThat(browser()
                        .send(
                                "POST",
                                "/admin/api/registration-invitations",
                                "{}",
                                Map.of("Content-Type", "application/json"))
                        .statusCode())
                .isEqualTo(401);
    }

    static String lenientCsrf(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(page);
        return m.find() ? m.group(1) : "none";
    }

    long count(String username) {
        return jdbc.sql("select count(*) from admin_account where username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
    }

    String hash(String username) {
        return jdbc.sql("select password_hash from admin_account where username = :u")
                .param("u", username)
                .query(String.class)
                .single();
    }
}
