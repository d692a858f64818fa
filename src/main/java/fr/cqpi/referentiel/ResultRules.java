package fr.cqpi.referentiel;

/**
 * How compétence and bloc results follow from the judgments, as stated in the référentiel file.
 * Each rule has one value today; naming them in the file keeps the stated rule next to the grid it governs.
 */
public record ResultRules(
        CompetenceRule competenceAcquise, BlocRule blocValide, ScoreRule blocScore, int scoreDecimals) {

    public static final ResultRules DEFAULTS = new ResultRules(
            CompetenceRule.ALL_CRITERIA_ACQUIS,
            BlocRule.ALL_COMPETENCES_ACQUISES,
            ScoreRule.PERCENT_CRITERIA_ACQUIS,
            2);

    /** A compétence is ACQUISE when … */
    public enum CompetenceRule {
        ALL_CRITERIA_ACQUIS
    }

    /** A bloc is VALIDE when … */
    public enum BlocRule {
        ALL_COMPETENCES_ACQUISES
    }

    /** A bloc's score (0–100) is … */
    public enum ScoreRule {
        PERCENT_CRITERIA_ACQUIS
    }
}
