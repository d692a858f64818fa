package fr.cqpi.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A certificate authority made for one test run, and the server certificate it signs for {@code localhost} and
 * {@code 127.0.0.1}: the tool on HTTPS as in production. Made with the JDK's keytool, in a fresh directory.
 */
public final class TestCertificates {

    public static final String PASSWORD = "changeit";
    public static final String SERVER_ALIAS = "tool";

    private final Path directory;
    private SSLContext previousDefault;

    private TestCertificates(Path directory) {
        this.directory = directory;
    }

    public static TestCertificates create() {
        try {
            Path directory = Files.createTempDirectory("cqpi-test-ca-");
            TestCertificates certificates = new TestCertificates(directory);
            certificates.keytool(
                    "-genkeypair",
                    "-alias",
                    "ca",
                    "-keyalg",
                    "RSA",
                    "-keysize",
                    "2048",
                    "-validity",
                    "2",
                    "-dname",
                    "CN=cqpi-lti test CA",
                    "-ext",
                    "bc:c",
                    "-keystore",
                    "ca.p12");
            certificates.keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-file", "ca.pem");
            certificates.keytool(
                    "-genkeypair",
                    "-alias",
                    SERVER_ALIAS,
                    "-keyalg",
                    "RSA",
                    "-keysize",
                    "2048",
                    "-validity",
                    "2",
                    "-dname",
                    "CN=localhost",
                    "-keystore",
                    "server.p12");
            certificates.keytool("-certreq", "-alias", SERVER_ALIAS, "-keystore", "server.p12", "-file", "server.csr");
            certificates.keytool(
                    "-gencert",
                    "-rfc",
                    "-alias",
                    "ca",
                    "-keystore",
                    "ca.p12",
                    "-infile",
                    "server.csr",
                    "-outfile",
                    "server.pem",
                    "-validity",
                    "2",
                    "-ext",
                    "SAN=dns:localhost,ip:127.0.0.1",
                    "-ext",
                    "EKU=serverAuth");
            certificates.keytool(
                    "-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem", "-keystore", "server.p12");
            certificates.keytool(
                    "-importcert", "-alias", SERVER_ALIAS, "-file", "server.pem", "-keystore", "server.p12");
            certificates.keytool(
                    "-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem", "-keystore", "trust.p12");
            return certificates;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server's key and certificate chain (PKCS12), for {@code server.ssl.key-store}. */
    public Path serverKeyStore() {
        return directory.resolve("server.p12");
    }

    /** The CA's certificate, PEM. */
    public Path caCertificate() {
        return directory.resolve("ca.pem");
    }

    /**
     * The tool of the test context serves HTTPS with this CA's certificate, and the JVM's own calls (to the tool, to
     * the demo LMS) trust this CA only, until {@link #restoreTrust()}. For a {@code @DynamicPropertySource}.
     */
    public void serveAndTrust(DynamicPropertyRegistry registry) throws GeneralSecurityException {
        registry.add("server.ssl.key-store", () -> serverKeyStore().toUri().toString());
        if (previousDefault == null) {
            previousDefault = SSLContext.getDefault();
        }
        SSLContext.setDefault(trustingContext());
    }

    /** The JVM's trust as it was before {@link #serveAndTrust}. */
    public void restoreTrust() {
        if (previousDefault != null) {
            SSLContext.setDefault(previousDefault);
            previousDefault = null;
        }
    }

    /** A TLS context that trusts this CA only (the JVM's own calls to the tool and to the demo LMS). */
    public SSLContext trustingContext() {
        try (InputStream in = Files.newInputStream(directory.resolve("trust.p12"))) {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(in, PASSWORD.toCharArray());
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void keytool(String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        command.addAll(List.of("-storepass", PASSWORD, "-storetype", "PKCS12"));
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .start();
        try {
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + String.join(" ", arguments) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
