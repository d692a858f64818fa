package fr.cqpi.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) in the test JVM, on a free port, shared by the tests; it can be stopped and started
 * again on the same port, as an SMTP server that is down for a while.
 */
public final class TestSmtp {

    private static final int PORT = freePort();
    private static GreenMail server = started();

    private TestSmtp() {}

    public static int port() {
        return PORT;
    }

    /** What the tool's mail settings are to reach this server. */
    public static Map<String, String> properties() {
        return Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", Integer.toString(PORT));
    }

    public static synchronized void stop() {
        server.stop();
    }

    /** Up again on the same port (with an empty store). */
    public static synchronized void start() {
        if (!server.isRunning()) {
            server = started();
        }
    }

    /** The messages received for an address since the server last started. */
    public static synchronized List<MimeMessage> to(String address) {
        return Arrays.stream(server.getReceivedMessages())
                .filter(m -> recipients(m).contains(address))
                .toList();
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            var to = message.getRecipients(Message.RecipientType.TO);
            return to == null
                    ? List.of()
                    : Arrays.stream(to).map(Object::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GreenMail started() {
        GreenMail greenMail = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return greenMail;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
