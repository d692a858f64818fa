package fr.cqpi.notifications;

import java.util.List;

/** A composed e-mail: subject, plain-text body and attachments. */
public record Mail(String subject, String body, List<Attachment> attachments) {

    public Mail(String subject, String body) {
        this(subject, body, List.of());
    }

    /** {@code contentType} as sent, e.g. {@code text/calendar; method=REQUEST; charset=UTF-8}. */
    public record Attachment(String filename, String contentType, byte[] content) {}
}
