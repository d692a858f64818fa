package fr.cqpi.support;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** What a received e-mail says, decoded: subject, text body, and its attachments by file name. */
public record ReceivedMail(
        String subject, String body, List<String> attachmentNames, List<String> attachmentTexts, String messageId) {

    public static ReceivedMail of(MimeMessage message) {
        try {
            StringBuilder body = new StringBuilder();
            List<String> names = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            walk(message, body, names, texts);
            return new ReceivedMail(message.getSubject(), body.toString(), names, texts, message.getMessageID());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void walk(Part part, StringBuilder body, List<String> names, List<String> texts) throws Exception {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), body, names, texts);
            }
            return;
        }
        String text = content instanceof String s
                ? s
                : content instanceof InputStream in ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : "";
        if (part.getFileName() != null) {
            names.add(part.getFileName());
            texts.add(text);
        } else {
            body.append(text);
        }
    }

    /** Everything a reader of the message sees: subject, body and the text of its attachments. */
    public String everything() {
        return subject + "\n" + body + "\n" + String.join("\n", attachmentTexts);
    }
}
