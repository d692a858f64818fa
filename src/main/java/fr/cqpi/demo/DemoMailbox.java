package fr.cqpi.demo;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Profile;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The demo's SMTP server when none is configured ({@code spring.mail.host} unset): the tool's mail sender, which
 * keeps the messages (the latest {@value #KEPT}, in this instance's memory) for the demo mailbox page instead of
 * sending them. With an SMTP server configured, Spring Boot's sender is used and this one does not exist.
 */
@Component
@Profile("demo")
@ConditionalOnExpression("'${spring.mail.host:}'.isBlank()")
class DemoMailbox extends JavaMailSenderImpl {

    static final int KEPT = 200;

    /** A message as the mailbox page shows it. */
    record DemoMail(String to, String subject, Instant sentAt, String body, List<String> attachments) {}

    private final Deque<DemoMail> received = new ConcurrentLinkedDeque<>();

    /** Latest first. */
    List<DemoMail> messages() {
        return List.copyOf(received);
    }

    /** Nothing to connect to: the mail health check sees the mailbox up. */
    @Override
    public void testConnection() {}

    @Override
    protected void doSend(MimeMessage[] messages, Object[] originals) throws MailException {
        for (MimeMessage message : messages) {
            try {
                if (message.getSentDate() == null) {
                    message.setSentDate(new Date());
                }
                message.saveChanges();
                List<String> attachments = new ArrayList<>();
                String body = text(message, attachments);
                received.addFirst(new DemoMail(
                        Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                                .map(Object::toString)
                                .collect(Collectors.joining(", ")),
                        message.getSubject(),
                        message.getSentDate().toInstant(),
                        body,
                        attachments));
                while (received.size() > KEPT) {
                    received.pollLast();
                }
            } catch (MessagingException | IOException e) {
                throw new MailPreparationException("Could not read the message for the demo mailbox", e);
            }
        }
    }

    /** The plain-text body; the file names of the attachments go to {@code attachments}. */
    private static String text(Part part, List<String> attachments) throws MessagingException, IOException {
        if (part.getFileName() != null) {
            attachments.add(part.getFileName());
            return "";
        }
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        if (part.getContent() instanceof Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                text.append(text(child, attachments));
            }
            return text.toString();
        }
        return "";
    }
}
