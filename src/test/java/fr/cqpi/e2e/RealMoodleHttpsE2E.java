package fr.cqpi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.Chromium;
import fr.cqpi.support.TestCertificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.openqa.selenium.By;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The same steps against a Moodle of its own, with the tool on HTTPS as in production (a certificate authority made
 * for the run: Moodle's curl and the JVM trust it, Chromium ignores certificate errors) and a browser whose user
 * blocks third-party cookies, proved after every Moodle login. Every launch takes the session cookie, {@code
 * SameSite=None; Secure; Partitioned}, inside Moodle's frame: no handover.
 */
@TestPropertySource(
        properties = {
            "logging.file.name=target/moodle-e2e-https/tool.log",
            "cqpi.base-url=https://localhost:${local.server.port}",
            "server.ssl.enabled=true",
            "server.ssl.key-store-type=PKCS12",
            "server.ssl.key-alias=" + TestCertificates.SERVER_ALIAS,
            "server.ssl.key-store-password=" + TestCertificates.PASSWORD
        })
class RealMoodleHttpsE2E extends RealMoodleE2E {

    static final Path HTTPS_OUT = Path.of("target/moodle-e2e-https").toAbsolutePath();
    static final CompletableFuture<MoodleSite> HTTPS_MOODLE = startMoodleIn(HTTPS_OUT);
    static final TestCertificates CERTIFICATES = TestCertificates.create();

    @DynamicPropertySource
    static void serverCertificate(DynamicPropertyRegistry registry) throws Exception {
        // The test's own calls to the tool (the invitation) go over HTTPS too.
        CERTIFICATES.serveAndTrust(registry);
    }

    @AfterAll
    static void restoreTls() {
        CERTIFICATES.restoreTrust();
    }

    @Override
    Path out() {
        return HTTPS_OUT;
    }

    @Override
    CompletableFuture<MoodleSite> moodleSite() {
        return HTTPS_MOODLE;
    }

    @Override
    String toolBase() {
        return "https://localhost:" + port;
    }

    @Override
    Chromium.ThirdParty thirdParty() {
        return Chromium.ThirdParty.BLOCKED;
    }

    @Override
    List<String> browserArguments() {
        return List.of("--ignore-certificate-errors");
    }

    /** Moodle's curl takes its CA bundle from {@code moodleorgca.crt} in its data directory when there is one. */
    @Override
    void trustTheTool(MoodleSite site) {
        try {
            Files.copy(
                    CERTIFICATES.caCertificate(),
                    site.dir.resolve("moodledata-" + site.port).resolve("moodleorgca.crt"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    List<String> secondToolArguments(int toolPort) {
        return List.of(
                "--cqpi.base-url=https://localhost:" + toolPort,
                "--server.ssl.enabled=true",
                "--server.ssl.key-store-type=PKCS12",
                "--server.ssl.key-alias=" + TestCertificates.SERVER_ALIAS,
                "--server.ssl.key-store-password=" + TestCertificates.PASSWORD,
                "--server.ssl.key-store=" + CERTIFICATES.serverKeyStore().toUri());
    }

    @Override
    String secondToolBase(int toolPort) {
        return "https://localhost:" + toolPort;
    }

    /** The cookie carries the session: the page does not. */
    @Override
    void assertTheLaunchsSessionPath() {
        assertThat(chrome.findElements(By.cssSelector("meta[name=cqpi-session]")))
                .as("the partitioned cookie carries the session")
                .isEmpty();
    }

    @Override
    Chromium.FrameConditions proveTheBrowsersConditions() {
        var conditions = super.proveTheBrowsersConditions();
        assertThat(conditions.partitionedCookieCameBack())
                .as("partitioned cookies (CHIPS) still work")
                .isTrue();
        return conditions;
    }
}
