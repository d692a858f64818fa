package fr.cqpi.documents;

import fr.cqpi.course.Actor;
import fr.cqpi.documents.DocumentNumbers.Numbered;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Keeps an issued document once and for all (its PDF with the PDF's SHA-256, and the facts it states) and describes
 * a kept one as the API shows it.
 */
@Component
class DocumentArchive {

    private final DocumentRepository repository;

    DocumentArchive(DocumentRepository repository) {
        this.repository = repository;
    }

    IssuedDocument keep(
            Actor actor,
            Numbered numbered,
            DocumentKind kind,
            Long learnerId,
            String learnerSub,
            Long sessionId,
            Locale locale,
            DocumentFacts facts,
            byte[] pdf) {
        String sha256 = sha256(pdf);
        repository.insert(
                numbered.number(),
                numbered.token(),
                kind,
                actor.courseId(),
                learnerId,
                sessionId,
                locale.toLanguageTag(),
                facts,
                pdf,
                sha256,
                actor.sub(),
                actor.displayName(),
                numbered.at());
        return new IssuedDocument(
                numbered.number(),
                kind,
                learnerSub,
                sessionId,
                locale.toLanguageTag(),
                actor.displayName(),
                numbered.at(),
                numbered.url(),
                sha256);
    }

    /** A kept document of the holder whose LTI id is {@code holderSub} (null for a procès-verbal). */
    static IssuedDocument view(DocumentRepository.Row r, String holderSub, String baseUrl) {
        return new IssuedDocument(
                r.number(),
                r.kind(),
                holderSub,
                r.juryId(),
                r.locale(),
                r.issuedBy(),
                r.issuedAt(),
                DocumentNumbers.verificationUrl(baseUrl, r.number(), r.token()),
                r.pdfSha256());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
