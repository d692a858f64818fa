package fr.cqpi.notifications;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Turns a composed notification into an e-mail and hands it to the SMTP server. */
final class MailDelivery {

    private MailDelivery() {}

    /**
     * Sends one message, with the notification's own Message-ID (kept by Spring's sender) so that a message sent
     * again after a crash is recognisably the same message.
     */
    static void send(JavaMailSender sender, String from, Notification notification, Mail mail) {
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper =
                    new MimeMessageHelper(message, !mail.attachments().isEmpty(), StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(notification.recipient());
            helper.setSubject(mail.subject());
            helper.setText(mail.body(), false);
            for (Mail.Attachment attachment : mail.attachments()) {
                helper.addAttachment(
                        attachment.filename(), new ByteArrayResource(attachment.content()), attachment.contentType());
            }
            message.setHeader("Content-Language", notification.locale().toLanguageTag());
            message.setHeader("Auto-Submitted", "auto-generated");
            message.setHeader("Message-ID", notification.messageId());
        } catch (MessagingException e) {
            throw new MailPreparationException(e);
        }
        sender.send(message);
    }

    /** The domain of the sender's address, for Message-IDs. */
    static String domainOf(String from) {
        try {
            String address = new InternetAddress(from, true).getAddress();
            return address.substring(address.indexOf('@') + 1);
        } catch (AddressException e) {
            throw new IllegalArgumentException("cqpi.notifications.from is not an e-mail address: " + from, e);
        }
    }
}
