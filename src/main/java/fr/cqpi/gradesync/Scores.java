package fr.cqpi.gradesync;

import fr.cqpi.evaluation.BlocState;
import fr.cqpi.evaluation.Results;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The AGS score of a bloc result (Assignment and Grade Services 2.0, « Score publish service »). */
@Component
class Scores {

    static final String MEDIA_TYPE = "application/vnd.ims.lis.v1.score+json";
    /** The gradebook is read by the course's French-speaking trainers and jury. */
    private static final Locale GRADEBOOK_LOCALE = Locale.FRENCH;

    private static final BigDecimal MAXIMUM = new BigDecimal(100);

    private final MessageSource messages;
    /** A bloc's comment depends on its state and counts only: formatted once for each (a few hundred at most). */
    private final Map<CommentKey, String> comments = new ConcurrentHashMap<>();

    private record CommentKey(BlocState state, int acquis, int total) {}

    Scores(MessageSource messages) {
        this.messages = messages;
    }

    /** The body of {@code POST <line item>/scores}. */
    record Score(
            String userId,
            BigDecimal scoreGiven,
            BigDecimal scoreMaximum,
            String activityProgress,
            String gradingProgress,
            String comment,
            String timestamp) {}

    Score of(String userSub, Results.BlocResult result, boolean showProgress, Instant timestamp) {
        return new Score(
                userSub,
                result.score(),
                MAXIMUM,
                activityProgress(result.state()),
                result.state().isGraded() || showProgress ? "FullyGraded" : "Pending",
                comment(result),
                DateTimeFormatter.ISO_INSTANT.format(timestamp));
    }

    /**
     * The overall result for the activity's own column, by the bloc columns' rules: Initialized while nothing is
     * judged, Completed once every bloc is evaluated or decided (then FullyGraded), InProgress and Pending between
     * (FullyGraded when the course shows the progress).
     */
    Score of(String userSub, ActivityColumn.Overall overall, boolean showProgress, Instant timestamp) {
        return new Score(
                userSub,
                overall.score(),
                MAXIMUM,
                switch (overall.state()) {
                    case NON_COMMENCE -> "Initialized";
                    case EN_COURS -> "InProgress";
                    case EVALUE -> "Completed";
                },
                overall.state() == ActivityColumn.State.EVALUE || showProgress ? "FullyGraded" : "Pending",
                messages.getMessage(
                        "gradesync.overall." + overall.state().name(),
                        new Object[] {
                            overall.acquis(),
                            overall.total(),
                            overall.gradedBlocs(),
                            overall.blocs(),
                            overall.validatedBlocs()
                        },
                        GRADEBOOK_LOCALE),
                DateTimeFormatter.ISO_INSTANT.format(timestamp));
    }

    private static String activityProgress(BlocState state) {
        return switch (state) {
            case NON_COMMENCE -> "Initialized";
            // Adjourned: to be presented again, the evaluation goes on.
            case EN_COURS, AJOURNE -> "InProgress";
            case PROPOSITION_FAVORABLE, PROPOSITION_DEFAVORABLE, VALIDE, NON_VALIDE -> "Completed";
        };
    }

    private String comment(Results.BlocResult result) {
        return comments.computeIfAbsent(
                new CommentKey(result.state(), result.acquis(), result.total()),
                key -> messages.getMessage(
                        "gradesync.comment." + key.state().name(),
                        new Object[] {key.acquis(), key.total()},
                        GRADEBOOK_LOCALE));
    }
}
