package fr.cqpi.browser;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import fr.cqpi.lti.PlatformRegistry;
import fr.cqpi.support.Chromium;
import fr.cqpi.support.SharedWireMock;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The administrator's page as a browser uses it, over the real session store (Spring Session JDBC serialises every
 * session attribute, the flash attributes of a redirect included): signs in through the login form, creates an
 * invitation and reads its URL after the redirect, registers a Moodle-shaped platform (WireMock) with that URL, then
 * submits every other form of the page. Same context as {@link DemoLmsBrowserTest} (the same configuration).
 */
@Tag("browser")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cqpi.demo.lms-host=127.0.0.1", "cqpi.demo.tool-host=localhost"})
@ActiveProfiles({"test", "demo"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminBrowserTest {

    static final WireMockServer LMS = SharedWireMock.get();
    static ChromeDriver chrome;
    static WebDriverWait wait;

    @LocalServerPort
    int port;

    @Autowired
    PlatformRegistry registry;

    @Autowired
    fr.cqpi.lti.RegistrationInvitations invitations;

    @BeforeAll
    static void startChromium() {
        chrome = Chromium.start(Chromium.ThirdParty.ALLOWED);
        wait = new WebDriverWait(chrome, Duration.ofSeconds(20));
    }

    @AfterAll
    static void stopChromium() {
        if (chrome != null) {
            chrome.quit();
        }
    }

    String tool() {
        return "http://localhost:" + port;
    }

    /** Opens /admin, signing in through the login form (the demo login) when the browser has no session yet. */
    void openAdmin() {
        chrome.get(tool() + "/admin");
        if (chrome.getCurrentUrl().endsWith("/admin/login")) {
            chrome.findElement(By.id("username")).sendKeys("admin");
            chrome.findElement(By.id("password")).sendKeys("demo-admin");
            chrome.findElement(By.cssSelector("main form button[type=submit]")).click();
            wait.until(ExpectedConditions.urlToBe(tool() + "/admin"));
        }
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Plateformes enregistrées"));
    }

    /** Clicks a form's submit button and waits for the page the form's answer leads to. */
    void submit(WebElement button) {
        WebElement html = chrome.findElement(By.tagName("html"));
        button.click();
        // Stale once the answer replaced the page; chromedriver may also answer that the node left the document.
        wait.until(d -> {
            try {
                html.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
    }

    String mainText() {
        return chrome.findElement(By.id("main")).getText();
    }

    WebElement invitationRow(String note) {
        return chrome.findElement(By.xpath("//h2[@id='invitations']/following::table[1]//tr[td[1][.='" + note + "']]"));
    }

    WebElement platformRow(String issuer) {
        return chrome.findElement(By.xpath("//tr[td[1]/code[.='" + issuer + "']]"));
    }

    @Test
    @Order(1)
    void anInvitationIsCreatedShownOnceAndRegistersAPlatform() throws Exception {
        openAdmin();
        String note = "Moodle de l’école " + UUID.randomUUID().toString().substring(0, 8);
        chrome.findElement(By.id("note")).sendKeys(note);
        WebElement validity = chrome.findElement(By.id("validity_days"));
        validity.clear();
        validity.sendKeys("3");
        submit(chrome.findElement(By.xpath("//button[.=\"Créer l'invitation\"]")));

        // After the redirect: the page (not an error) with the invitation's URL, to copy now.
        assertThat(chrome.getCurrentUrl()).isEqualTo(tool() + "/admin#invitations");
        assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("Plateformes enregistrées");
        assertThat(mainText()).contains("Invitation créée, valable jusqu'au").contains("elle ne sera plus affichée");
        String url = chrome.findElement(By.id("invitation-url")).getAttribute("value");
        assertThat(url).startsWith(tool() + "/lti/register?invitation=");
        assertThat(invitationRow(note).getText()).contains("en attente");

        // Shown once: the flash attribute is gone on the next visit.
        openAdmin();
        assertThat(chrome.findElements(By.id("invitation-url"))).isEmpty();

        // The URL works, opened as Moodle opens it (adding its configuration URL and a registration token).
        String site = LMS.baseUrl() + "/moodle-" + UUID.randomUUID().toString().substring(0, 8);
        String clientId = "admin-browser-" + UUID.randomUUID().toString().substring(0, 8);
        stubMoodle(site, clientId);
        String opened = url
                + "&openid_configuration="
                + URLEncoder.encode(site + "/mod/lti/openid-configuration.php", StandardCharsets.UTF_8)
                + "&registration_token=reg-token-123";
        HttpResponse<String> proposal = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(opened)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(proposal.statusCode()).isEqualTo(200);
        assertThat(proposal.body()).contains(site + "/mod/lti/auth.php");

        chrome.get(opened);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("h1"), "Enregistrer l'outil CQPI dans votre plateforme"));
        submit(chrome.findElement(By.xpath("//button[.=\"Enregistrer l'outil\"]")));
        assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("Outil enregistré");
        assertThat(mainText()).contains(clientId);

        openAdmin();
        assertThat(invitationRow(note).getText()).contains("utilisée").contains("moodle");
        assertThat(platformRow(site).getText()).contains(clientId);
        assertThat(registry.findForLogin(site, clientId)).isPresent();
    }

    /** Moodle's openid-configuration.php and openid-registration.php, as DynamicRegistrationTest plays them. */
    static void stubMoodle(String site, String clientId) {
        String prefix = URI.create(site).getPath();
        LMS.stubFor(get(urlPathEqualTo(prefix + "/mod/lti/openid-configuration.php"))
                .willReturn(okJson("""
                {"issuer": "%1$s", "token_endpoint": "%1$s/mod/lti/token.php",
                 "token_endpoint_auth_methods_supported": ["private_key_jwt"],
                 "token_endpoint_auth_signing_alg_values_supported": ["RS256"],
                 "jwks_uri": "%1$s/mod/lti/certs.php", "authorization_endpoint": "%1$s/mod/lti/auth.php",
                 "registration_endpoint": "%1$s/mod/lti/openid-registration.php",
                 "scopes_supported": ["https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
                   "https://purl.imsglobal.org/spec/lti-ags/scope/score", "openid"],
                 "response_types_supported": ["id_token"], "subject_types_supported": ["public", "pairwise"],
                 "id_token_signing_alg_values_supported": ["RS256"], "claims_supported": ["sub", "iss", "name"],
                 "https://purl.imsglobal.org/spec/lti-platform-configuration": {"product_family_code": "moodle",
                   "version": "5.1", "messages_supported": [{"type": "LtiResourceLinkRequest"},
                   {"type": "LtiDeepLinkingRequest", "placements": ["ContentArea"]}]}}
                """.formatted(site))));
        LMS.stubFor(post(urlPathEqualTo(prefix + "/mod/lti/openid-registration.php"))
                .willReturn(okJson("""
                {"client_id": "%s", "response_types": ["id_token"],
                 "https://purl.imsglobal.org/spec/lti-tool-configuration": {"deployment_id": "7"}}
                """.formatted(clientId))));
    }

    @Test
    @Order(2)
    void aPendingInvitationIsRevokedFromTheList() {
        openAdmin();
        String note = "à révoquer " + UUID.randomUUID().toString().substring(0, 8);
        chrome.findElement(By.id("note")).sendKeys(note);
        submit(chrome.findElement(By.xpath("//button[.=\"Créer l'invitation\"]")));
        assertThat(chrome.findElement(By.id("invitation-url")).getAttribute("value"))
                .contains("/lti/register?invitation=");
        assertThat(invitationRow(note).getText()).contains("en attente");

        submit(invitationRow(note).findElement(By.xpath(".//button[.='Révoquer']")));
        assertThat(invitationRow(note).getText()).contains("révoquée");
        assertThat(invitationRow(note).findElements(By.tagName("button"))).isEmpty();
    }

    @Test
    @Order(3)
    void everyOtherFormOfThePageIsSubmitted() {
        openAdmin();
        String issuer = "https://canvas-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        fill("name", "Canvas de l'école");
        fill("issuer", issuer);
        fill("client_id", "10000000000042");
        fill("deployment_ids", "42:abc");
        fill("authorization_endpoint", issuer + "/api/lti/authorize_redirect");
        fill("token_endpoint", issuer + "/login/oauth2/token");
        fill("jwks_uri", issuer + "/api/lti/security/jwks");
        fill("service_origins", "https://ecole.instructure.com");
        submit(chrome.findElement(By.xpath("//form[@action='/admin/platforms']//button[.='Enregistrer']")));
        assertThat(chrome.findElement(By.cssSelector(".card.ok")).getText()).isEqualTo("Plateforme enregistrée.");
        assertThat(platformRow(issuer).getText()).contains("Canvas de l'école").contains("42:abc");
        long id = registry.findForLogin(issuer, "10000000000042").orElseThrow().id();
        assertThat(registry.addedServiceOrigins(id)).containsExactly("https://ecole.instructure.com");

        // A second deployment, then the first one disabled.
        platformRow(issuer).findElement(By.id("dep-" + id)).sendKeys("43:def");
        submit(platformRow(issuer).findElement(By.xpath(".//button[.='+']")));
        assertThat(platformRow(issuer).getText()).contains("43:def");
        assertThat(registry.isDeploymentActive(id, "43:def")).isTrue();
        submit(platformRow(issuer).findElement(By.cssSelector("button[aria-label='Désactiver 42:abc']")));
        assertThat(registry.isDeploymentActive(id, "42:abc")).isFalse();
        assertThat(platformRow(issuer).findElements(By.cssSelector("button[aria-label='Activer 42:abc']")))
                .hasSize(1);

        // The platform's service origins, changed in its row.
        WebElement origins = platformRow(issuer).findElement(By.id("origins-" + id));
        origins.clear();
        origins.sendKeys("https://ecole.instructure.com\nhttps://files.ecole.example");
        submit(platformRow(issuer)
                .findElement(By.xpath(".//form[contains(@action,'/service-origins')]//button[.='Enregistrer']")));
        assertThat(chrome.findElement(By.cssSelector(".card.ok")).getText()).isEqualTo("Plateforme enregistrée.");
        assertThat(registry.addedServiceOrigins(id))
                .containsExactlyInAnyOrder("https://ecole.instructure.com", "https://files.ecole.example");

        // The platform disabled, then enabled again.
        submit(platformRow(issuer).findElement(By.xpath(".//form[contains(@action,'/enabled')]//button")));
        assertThat(platformRow(issuer).getText()).contains("désactivée");
        assertThat(registry.findForLogin(issuer, "10000000000042").orElseThrow().enabled())
                .isFalse();
        submit(platformRow(issuer).findElement(By.xpath(".//form[contains(@action,'/enabled')]//button[.='Activer']")));
        assertThat(registry.findForLogin(issuer, "10000000000042").orElseThrow().enabled())
                .isTrue();

        // The tool's key rotated.
        String kidBefore = kid();
        submit(chrome.findElement(By.xpath("//button[.='Changer de clé maintenant']")));
        assertThat(chrome.findElement(By.cssSelector(".card.ok")).getText()).isEqualTo("Nouvelle clé en service.");
        assertThat(kid()).isNotEqualTo(kidBefore);
    }

    @Test
    @Order(4)
    void aPendingInvitationIsRenewedAndItsNewUrlCopied() throws Exception {
        openAdmin();
        String note = "à renouveler " + UUID.randomUUID().toString().substring(0, 8);
        chrome.findElement(By.id("note")).sendKeys(note);
        submit(chrome.findElement(By.xpath("//button[.=\"Créer l'invitation\"]")));
        String first = chrome.findElement(By.id("invitation-url")).getAttribute("value");
        openAdmin();
        assertThat(chrome.findElements(By.id("invitation-url"))).isEmpty();

        submit(invitationRow(note).findElement(By.xpath(".//button[.='Renouveler']")));
        assertThat(chrome.getCurrentUrl()).isEqualTo(tool() + "/admin#invitations");
        String second = chrome.findElement(By.id("invitation-url")).getAttribute("value");
        assertThat(second).startsWith(tool() + "/lti/register?invitation=").isNotEqualTo(first);
        assertThat(chrome.findElements(
                        By.xpath("//h2[@id='invitations']/following::table[1]//tr[td[1][.='" + note + "']]")))
                .extracting(WebElement::getText)
                .anyMatch(t -> t.contains("révoquée"))
                .anyMatch(t -> t.contains("en attente"));
        // The copy button copies the URL (the page says so to screen readers).
        WebElement copy = chrome.findElement(By.cssSelector("button.copy[data-copy='invitation-url']"));
        copy.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("copy-status"), second));
        assertThat(copy.getText()).contains("Copié");
        // The invitation's part of the page, as the administrator sees it after the renewal.
        chrome.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
        chrome.executeScript("document.getElementById('invitations').scrollIntoView({block: 'start'});");
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/screenshots"));
        java.nio.file.Files.write(
                java.nio.file.Path.of("target/screenshots/admin-invitation.png"),
                chrome.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        // The old URL no longer works, the new one does.
        assertThat(invitations.usable(URI.create(first).getQuery().substring("invitation=".length())))
                .isEmpty();
        assertThat(invitations.usable(URI.create(second).getQuery().substring("invitation=".length())))
                .isPresent();
    }

    @Test
    @Order(5)
    void theToolsUrlsCoursesAndLaunchesAreShownAtBothWidths() throws Exception {
        // A trainer's launch from the demo LMS, and a login initiation from a site the tool does not know.
        chrome.get("http://127.0.0.1:" + port + "/demo/course/trainer-1");
        wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("tool-frame")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
        chrome.switchTo().defaultContent();
        HttpResponse<String> refused = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(tool()
                                        + "/lti/login?iss=https%3A%2F%2Finconnu.example&login_hint=u&target_link_uri="
                                        + URLEncoder.encode(tool() + "/app", StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        openAdmin();
        String log = chrome.findElement(By.cssSelector("table.admin-launches")).getText();
        assertThat(log)
                .contains("Accepté")
                .contains("CQPI Assistant(e) — promotion 2026")
                .contains("évaluation")
                .contains("Refusé : Cette plateforme n'est pas enregistrée")
                .contains("https://inconnu.example");
        assertThat(chrome.findElement(By.cssSelector("table.admin-courses")).getText())
                .contains("demo-cqpi-2026");
        // The URLs of a manual install, each with its copy button, as the tool serves them.
        for (String path :
                new String[] {"/lti/login", "/lti/launch", "/.well-known/jwks.json", "/app", "/lti/register"}) {
            assertThat(chrome.findElements(By.xpath("//div[contains(@class,'tool-url')]//input[@value='" + tool() + path
                            + "']/following-sibling::button[contains(@class,'copy')]")))
                    .as(path)
                    .isNotEmpty();
        }
        WebElement jwks = chrome.findElement(By.xpath("//input[@value='" + tool() + "/.well-known/jwks.json']"));
        jwks.findElement(By.xpath("following-sibling::button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("copy-status"), "jwks.json"));
        // Human labels, the fields of the platform form one height.
        assertThat(chrome.findElement(By.cssSelector("label[for=issuer]")).getText())
                .startsWith("Identifiant de la plateforme");
        java.util.Set<Integer> heights = new java.util.HashSet<>();
        for (WebElement field : chrome.findElements(
                By.cssSelector(".platform-form input:not([type=hidden]), .platform-form textarea"))) {
            heights.add(field.getRect().getHeight());
        }
        assertThat(heights).hasSize(1);
        // The courses of the demo LMS and the launch log (the demo launches recorded by the earlier tests' context).
        assertThat(chrome.findElement(By.id("courses")).isDisplayed()).isTrue();
        assertThat(chrome.findElement(By.id("launches")).isDisplayed()).isTrue();
        screenshot("admin", 1366);

        chrome.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        chrome.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
        Object sideways = chrome.executeScript(
                "return document.scrollingElement.scrollWidth - document.documentElement.clientWidth;");
        Object wide = chrome.executeScript(
                "const w = document.documentElement.clientWidth; const out = ['inner ' + window.innerWidth + ' client ' + w];"
                        + " for (const e of document.querySelectorAll('body *')) { const r = e.getBoundingClientRect();"
                        + " if (r.right > w + 1 && e.parentElement.getBoundingClientRect().right <= w + 1)"
                        + " out.push(e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(r.right)); }"
                        + " const t = document.querySelector('.table-scroll'); out.push('scroll ' + getComputedStyle(t).overflowX + ' '"
                        + " + t.clientWidth + '/' + t.scrollWidth + ' main ' + document.getElementById('main').clientWidth"
                        + " + ' body ' + document.body.scrollWidth + ' html ' + document.documentElement.scrollWidth);"
                        + " return out.slice(0, 15).join(' | ');");
        screenshot("admin-390", 390);
        assertThat(((Number) sideways).intValue())
                .as("page scrolls sideways at 390 px: " + wide)
                .isLessThanOrEqualTo(0);
        // Keyboard: the first section link, then the fields, reachable with Tab.
        WebElement issuer = chrome.findElement(By.id("issuer"));
        assertThat(issuer.getRect().getWidth()).isLessThanOrEqualTo(390);
        screenshot("admin-390", 390);
        chrome.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
    }

    @Test
    @Order(6)
    void aPlatformIsDeletedAfterItsConfirmation() {
        openAdmin();
        String issuer = "https://delete-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        fill("name", "Moodle à supprimer");
        fill("issuer", issuer);
        fill("client_id", "c-del");
        fill("deployment_ids", "1");
        fill("authorization_endpoint", issuer + "/mod/lti/auth.php");
        fill("token_endpoint", issuer + "/mod/lti/token.php");
        fill("jwks_uri", issuer + "/mod/lti/certs.php");
        submit(chrome.findElement(By.xpath("//form[@action='/admin/platforms']//button[.='Enregistrer']")));
        long id = registry.findForLogin(issuer, "c-del").orElseThrow().id();

        platformRow(issuer).findElement(By.linkText("Supprimer…")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("h1"), "Supprimer la plateforme Moodle à supprimer ?"));
        assertThat(mainText()).contains("Aucun cours de cette plateforme").contains("même identifiant client");
        // Cancel first: nothing happens.
        chrome.findElement(By.linkText("Annuler")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("platforms")));
        assertThat(registry.findForLogin(issuer, "c-del")).isPresent();

        platformRow(issuer).findElement(By.linkText("Supprimer…")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Supprimer la plateforme"));
        submit(chrome.findElement(By.xpath("//button[.='Supprimer la plateforme']")));
        assertThat(chrome.findElement(By.cssSelector(".card.ok")).getText())
                .isEqualTo("Plateforme supprimée ; ses cours et jugements sont conservés.");
        assertThat(chrome.findElements(By.xpath("//tr[td[1]/code[.='" + issuer + "']]")))
                .isEmpty();
        assertThat(registry.findForLogin(issuer, "c-del")).isEmpty();
        assertThat(registry.findById(id)).isPresent();
    }

    @Test
    @Order(7)
    void anotherAdministratorIsAddedAndChangesTheirPassword() {
        openAdmin();
        String name = "adjoint-" + UUID.randomUUID().toString().substring(0, 6);
        fill("acc-username", name);
        fill("acc-password", "mot de passe de l'adjoint");
        fill("acc-confirm", "mot de passe de l'adjoint");
        fill("acc-current", "pas le bon");
        submit(chrome.findElement(By.xpath("//button[.=\"Ajouter l'administrateur\"]")));
        assertThat(chrome.findElement(By.cssSelector(".card.error")).getText())
                .isEqualTo("Mot de passe actuel incorrect : rien n'a été enregistré.");
        assertThat(chrome.findElement(By.id("accounts"))
                        .findElements(By.xpath("following::table[1]//td[.='" + name + "']")))
                .isEmpty();

        fill("acc-username", name);
        fill("acc-password", "mot de passe de l'adjoint");
        fill("acc-confirm", "mot de passe de l'adjoint");
        fill("acc-current", "demo-admin");
        submit(chrome.findElement(By.xpath("//button[.=\"Ajouter l'administrateur\"]")));
        assertThat(chrome.findElement(By.cssSelector(".card.ok")).getText()).isEqualTo("Administrateur ajouté.");
        assertThat(chrome.findElement(By.xpath("//h2[@id='accounts']/following::table[1]"))
                        .getText())
                .contains(name)
                .contains("admin");

        // Signed out, then in as the new administrator, who changes their password.
        submit(chrome.findElement(By.xpath("//button[.='Se déconnecter']")));
        chrome.get(tool() + "/admin");
        chrome.findElement(By.id("username")).sendKeys(name);
        chrome.findElement(By.id("password")).sendKeys("mot de passe de l'adjoint");
        submit(chrome.findElement(By.cssSelector("main form button[type=submit]")));
        assertThat(mainText()).contains("Plateformes enregistrées");
        assertThat(chrome.findElement(By.cssSelector(".topbar .who")).getText()).contains(name);
        fill("pw-current", "mot de passe de l'adjoint");
        fill("pw-new", "un tout nouveau mot de passe");
        fill("pw-confirm", "un tout nouveau mot de passe");
        submit(chrome.findElement(By.xpath("//button[.='Changer le mot de passe']")));
        assertThat(chrome.findElement(By.cssSelector(".card.ok")).getText()).isEqualTo("Mot de passe changé.");

        submit(chrome.findElement(By.xpath("//button[.='Se déconnecter']")));
        chrome.get(tool() + "/admin");
        chrome.findElement(By.id("username")).sendKeys(name);
        chrome.findElement(By.id("password")).sendKeys("mot de passe de l'adjoint");
        submit(chrome.findElement(By.cssSelector("main form button[type=submit]")));
        assertThat(chrome.getCurrentUrl()).endsWith("/admin/login?error");
        fill("username", name);
        fill("password", "un tout nouveau mot de passe");
        submit(chrome.findElement(By.cssSelector("main form button[type=submit]")));
        assertThat(chrome.getCurrentUrl()).isEqualTo(tool() + "/admin");
    }

    /** The whole page at this width, into target/screenshots (docs/screenshots holds copies). */
    void screenshot(String name, int width) throws Exception {
        org.openqa.selenium.Dimension before = chrome.manage().window().getSize();
        chrome.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
        Number height = (Number) chrome.executeScript("return document.documentElement.scrollHeight;");
        chrome.manage()
                .window()
                .setSize(new org.openqa.selenium.Dimension(width, Math.min(height.intValue() + 140, 9000)));
        java.nio.file.Path dir = java.nio.file.Path.of("target/screenshots");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.write(
                dir.resolve(name + ".png"), chrome.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        chrome.manage().window().setSize(before);
    }

    void fill(String id, String value) {
        WebElement field = chrome.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    String kid() {
        return chrome.findElement(By.xpath("//form[@action='/admin/keys/rotate']//code"))
                .getText();
    }
}
