package fr.cqpi.documents;

import java.time.Instant;

/**
 * An issued document without its PDF: its number, what it is, whose, when and by whom, and its verification URL.
 * {@code learnerId} is the holder's LTI sub (null for a procès-verbal); {@code juryId} the session of a procès-verbal.
 */
public record IssuedDocument(
        String number,
        DocumentKind kind,
        String learnerId,
        Long juryId,
        String locale,
        String issuedBy,
        Instant issuedAt,
        String verificationUrl,
        String pdfSha256) {}
