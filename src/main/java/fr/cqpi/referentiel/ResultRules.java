package fr.cqpi.referentiel;

/**
 * How compétence and bloc results follow from the judgments, as stated in the référentiel file.
 * {@code blocValide} is the rule by which the evaluators propose a bloc to the jury (proposition FAVORABLE);
 * only the jury validates. {@code blocValideMinimumPercent} is the threshold of {@link BlocRule#SHARE_OF_CRITERIA_ACQUIS}
 * (0 for the other rules). {@code propositionJudgments} says whose judgments the results (states, proposition,
 * scores) follow: the évaluateur habilité's, or both evaluators'.
 */
public record ResultRules(
        CompetenceRule competenceAcquise,
        BlocRule blocValide,
        int blocValideMinimumPercent,
        ScoreRule blocScore,
        int scoreDecimals,
        JudgmentsRule propositionJudgments) {

    public static final ResultRules DEFAULTS = new ResultRules(
            CompetenceRule.ALL_CRITERIA_ACQUIS,
            BlocRule.ALL_COMPETENCES_ACQUISES,
            0,
            ScoreRule.PERCENT_CRITERIA_ACQUIS,
            2,
            JudgmentsRule.EVALUATEUR_HABILITE);

    /** The status a criterion counts with, from the évaluateur habilité's and the tuteur entreprise's … */
    public enum JudgmentsRule {
        /** … the évaluateur habilité's alone; the tutor's informs, and differences are flagged as divergences. */
        EVALUATEUR_HABILITE,
        /**
         * … both: ACQUIS only when both say ACQUIS, NON_ACQUIS when both concluded otherwise, EN_COURS while one
         * has not concluded, NON_EVALUE while neither judged.
         */
        BOTH_ACQUIS
    }

    /** A compétence is ACQUISE when … */
    public enum CompetenceRule {
        ALL_CRITERIA_ACQUIS
    }

    /** An evaluated bloc is proposed FAVORABLE when … */
    public enum BlocRule {
        /** … every one of its compétences is ACQUISE. */
        ALL_COMPETENCES_ACQUISES,
        /** … at least {@code blocValideMinimumPercent} % of its criteria are ACQUIS. */
        SHARE_OF_CRITERIA_ACQUIS
    }

    /** A bloc's score (0–100) is … */
    public enum ScoreRule {
        PERCENT_CRITERIA_ACQUIS
    }
}
