package fr.cqpi.evidence;

import java.time.Instant;
import java.util.Locale;

/**
 * One piece of evidence of a learner's file, without its bytes: a file ({@code contentType}, {@code sizeBytes}) or a
 * link ({@code url}), on a bloc or one of its criteria ({@code criterionCode} null for the bloc).
 */
public record Evidence(
        long id,
        String learnerSub,
        String blocCode,
        String criterionCode,
        Kind kind,
        String title,
        String contentType,
        Long sizeBytes,
        String url,
        String addedBy,
        String addedBySub,
        AddedAs addedAs,
        Instant addedAt) {

    public enum Kind {
        FILE,
        LINK
    }

    /**
     * Who attached it: an evaluator of the course, a tuteur entreprise of the learner (what they observed), or the
     * learner themself (a document they wrote).
     */
    public enum AddedAs {
        EVALUATOR,
        TUTOR,
        LEARNER
    }

    /** The kind of file in words (PDF, Word…), or « lien ». */
    public String typeLabel() {
        return kind == Kind.LINK
                ? "URL"
                : FileType.ofContentType(contentType).map(FileType::label).orElse(contentType);
    }

    /** The size for people: 12 Ko, 3,4 Mo (null for a link). */
    public String sizeLabel() {
        if (sizeBytes == null) {
            return null;
        }
        if (sizeBytes < 1024) {
            return sizeBytes + " o";
        }
        if (sizeBytes < 1024 * 1024) {
            return Math.round(sizeBytes / 1024.0) + " Ko";
        }
        return String.format(Locale.FRANCE, "%.1f Mo", sizeBytes / (1024.0 * 1024.0));
    }
}
