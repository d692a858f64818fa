package fr.cqpi.documents;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Gives each document its number ({@code CQPI-<year>-<serial>}, from a database sequence) and its random
 * verification token, and writes the public verification link they make.
 */
@Component
class DocumentNumbers {

    private static final char[] TOKEN_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final int TOKEN_LENGTH = 24;

    /** A document's number, token, moment of issue and verification link. */
    record Numbered(String number, String token, Instant at, String url) {}

    private final DocumentRepository repository;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    DocumentNumbers(DocumentRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    Numbered next(String baseUrl) {
        Instant at = clock.instant();
        String number = String.format(
                Locale.ROOT,
                "CQPI-%d-%06d",
                LocalDate.ofInstant(at, DocumentDates.ZONE).getYear(),
                repository.nextSerial());
        char[] token = new char[TOKEN_LENGTH];
        for (int i = 0; i < token.length; i++) {
            token[i] = TOKEN_ALPHABET[random.nextInt(TOKEN_ALPHABET.length)];
        }
        String t = new String(token);
        return new Numbered(number, t, at, verificationUrl(baseUrl, number, t));
    }

    static String verificationUrl(String baseUrl, String number, String token) {
        return baseUrl.replaceAll("/+$", "") + "/verify/" + number + "-" + token;
    }
}
