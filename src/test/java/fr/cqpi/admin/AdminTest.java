package fr.cqpi.admin;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.lti.LaunchRefusal;
import fr.cqpi.support.LtiClient;
import fr.cqpi.support.TestPlatform;
import fr.cqpi.support.ToolIntegrationTest;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Platform administration is for the tool's administrator only: not anonymous users, not LTI sessions. */
class AdminTest extends ToolIntegrationTest {

    static final Map<String, String> FORM = Map.of("Content-Type", "application/x-www-form-urlencoded");

    LtiClient signedIn() {
        LtiClient admin = browser();
        String page = admin.get("/admin/login").body();
        Map<String, String> headers = new HashMap<>(FORM);
        headers.putAll(csrfField(page));
        var login = admin.send(
                "POST",
                "/admin/login",
                "username=admin&password=test-admin-password&_csrf="
                        + csrfField(page).get("X-CSRF-TOKEN"),
                FORM);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/admin");
        return admin;
    }

    static Map<String, String> csrfField(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("csrf field").isTrue();
        return Map.of("X-CSRF-TOKEN", m.group(1));
    }

    @Test
    void anonymousUsersAreSentToTheLogin() {
        var response = browser().get("/admin");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/admin/login");
    }

    @Test
    void ltiSessionsNeverReachTheAdministration() {
        TestPlatform moodle = newPlatform("moodle");
        LtiClient teacher = browser();
        teacher.launch(
                moodle,
                "admin",
                n -> moodle.moodleLaunch(
                        "admin", "http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator", n, "c"));
        assertThat(teacher.get("/app").statusCode()).isEqualTo(200);
        assertThat(teacher.get("/admin").statusCode()).isIn(302, 403);
        assertThat(teacher.get("/admin").body()).doesNotContain("Plateformes enregistrées");
    }

    @Test
    void wrongPasswordIsRefused() {
        LtiClient someone = browser();
        String page = someone.get("/admin/login").body();
        var login = someone.send(
                "POST",
                "/admin/login",
                "username=admin&password=guess&_csrf=" + csrfField(page).get("X-CSRF-TOKEN"),
                FORM);
        assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/admin/login?error");
        assertThat(someone.get("/admin").statusCode()).isEqualTo(302);
    }

    @Test
    void theAdministratorAddsDisablesAndRotates() {
        LtiClient admin = signedIn();
        String page = admin.get("/admin").body();
        assertThat(page).contains("Plateformes enregistrées");
        String csrf = csrfField(page).get("X-CSRF-TOKEN");
        String issuer = "https://canvas-" + System.nanoTime() + ".example";
        var saved = admin.send(
                "POST",
                "/admin/platforms",
                LtiClient.form(Map.of(
                        "name",
                        "Canvas test",
                        "issuer",
                        issuer,
                        "client_id",
                        "10000000000042",
                        "deployment_ids",
                        "42:abc",
                        "authorization_endpoint",
                        issuer + "/api/lti/authorize_redirect",
                        "token_endpoint",
                        issuer + "/login/oauth2/token",
                        "jwks_uri",
                        issuer + "/api/lti/security/jwks",
                        "_csrf",
                        csrf)),
                FORM);
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin").body())
                .contains("Plateforme enregistrée.")
                .contains(issuer);
        var platform = registry.findForLogin(issuer, "10000000000042").orElseThrow();
        assertThat(registry.isDeploymentActive(platform.id(), "42:abc")).isTrue();

        var bad = admin.send(
                "POST",
                "/admin/platforms",
                LtiClient.form(Map.of(
                        "name",
                        "x",
                        "issuer",
                        "not a url",
                        "client_id",
                        "c",
                        "deployment_ids",
                        "1",
                        "authorization_endpoint",
                        "x",
                        "token_endpoint",
                        "x",
                        "jwks_uri",
                        "x",
                        "_csrf",
                        csrf)),
                FORM);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("issuer: &#39;not a url&#39; is not an http(s) URL");
        assertThat(registry.findForLogin("not a url", "c")).isEmpty();

        admin.send("POST", "/admin/platforms/" + platform.id() + "/enabled", "enabled=false&_csrf=" + csrf, FORM);
        var login = browser()
                .initiateLogin(Map.of(
                        "iss",
                        issuer,
                        "login_hint",
                        "u",
                        "target_link_uri",
                        "http://x/app",
                        "client_id",
                        "10000000000042"));
        assertThat(login.status()).isEqualTo(403);
        assertThat(login.body()).contains(LaunchRefusal.PLATFORM_DISABLED.name());

        admin.send(
                "POST",
                "/admin/platforms/" + platform.id() + "/deployments",
                "deployment_id=42:abc&enabled=false&_csrf=" + csrf,
                FORM);
        assertThat(registry.isDeploymentActive(platform.id(), "42:abc")).isFalse();

        String kidBefore = admin.get("/admin")
                .body()
                .replaceAll("(?s).*Clé active \\(kid\\) :</span> <code>([^<]+)</code>.*", "$1");
        admin.send("POST", "/admin/keys/rotate", "_csrf=" + csrf, FORM);
        String kidAfter = admin.get("/admin")
                .body()
                .replaceAll("(?s).*Clé active \\(kid\\) :</span> <code>([^<]+)</code>.*", "$1");
        assertThat(kidAfter).isNotEqualTo(kidBefore);
        assertThat(admin.get("/.well-known/jwks.json").body())
                .contains(kidBefore)
                .contains(kidAfter);
    }

    /** The page after the redirect shows the URL once: the flash attributes went through the JDBC session. */
    @Test
    void aNewInvitationsUrlIsShownAfterTheRedirect() {
        LtiClient admin = signedIn();
        String csrf = csrfField(admin.get("/admin").body()).get("X-CSRF-TOKEN");
        var created = admin.send(
                "POST",
                "/admin/invitations",
                LtiClient.form(Map.of("note", "Moodle de test", "validity_days", "2", "_csrf", csrf)),
                FORM);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElse("");
        assertThat(location).endsWith("/admin#invitations").doesNotContain("invitation=");

        String page = admin.get("/admin").body();
        Matcher url =
                Pattern.compile("id=\"invitation-url\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(url.find()).as(page).isTrue();
        assertThat(url.group(1)).startsWith("http://localhost:" + port + "/lti/register?invitation=");
        assertThat(page).contains("Invitation créée, valable jusqu&#39;au");
        assertThat(admin.get("/admin").body()).doesNotContain("invitation-url");
    }

    @Test
    void aStateChangeWithoutCsrfIsRefused() {
        LtiClient admin = signedIn();
        var response = admin.send("POST", "/admin/keys/rotate", "", FORM);
        assertThat(response.statusCode()).isEqualTo(403);
    }
}
