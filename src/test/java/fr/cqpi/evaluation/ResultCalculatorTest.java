package fr.cqpi.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.referentiel.Referentiel;
import fr.cqpi.referentiel.ReferentielParser;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The result rules, case by case, on a bloc with C1 (two criteria) and C2 (one criterion). */
class ResultCalculatorTest {

    static Referentiel referentiel(int decimals) {
        return referentiel("\"scoreDecimals\": " + decimals);
    }

    static Referentiel referentiel(String rules) {
        String json = """
                {"code": "t", "title": "T", "certifyingBody": "X",
                 "rules": {%s},
                 "blocs": [{"code": "B1", "title": "Bloc", "modalities": [{"code": "OBSERVATION", "label": "Obs"}],
                   "competences": [
                     {"code": "C1", "title": "Un", "criteria": [{"code": "C1.1", "text": "a"}, {"code": "C1.2", "text": "b"}]},
                     {"code": "C2", "title": "Deux", "criteria": [{"code": "C2.1", "text": "c"}]}]}]}
                """.formatted(rules);
        return new ReferentielParser()
                .parse("t", json.getBytes(StandardCharsets.UTF_8))
                .referentiel();
    }

    /**
     * Default rule (every compétence acquired). "-" means no judgment at all (which counts as NON_EVALUE); the
     * proposition "-" means none (the bloc is not evaluated). No row ever ends VALIDE or NON_VALIDE: only a jury
     * decides.
     */
    @ParameterizedTest(name = "C1.1={0} C1.2={1} C2.1={2} -> C1 {3}, C2 {4}, bloc {5} {6} ({7}), {8}")
    @CsvSource({
        "-,          -,          -,          NON_COMMENCEE, NON_COMMENCEE, NON_COMMENCE, -,           NON_COMMENCE,            0.00",
        "NON_EVALUE, NON_EVALUE, NON_EVALUE, NON_COMMENCEE, NON_COMMENCEE, NON_COMMENCE, -,           NON_COMMENCE,            0.00",
        "ACQUIS,     -,          -,          EN_COURS,      NON_COMMENCEE, EN_COURS,     -,           EN_COURS,                33.33",
        "EN_COURS,   -,          -,          EN_COURS,      NON_COMMENCEE, EN_COURS,     -,           EN_COURS,                0.00",
        "NON_ACQUIS, NON_EVALUE, -,          EN_COURS,      NON_COMMENCEE, EN_COURS,     -,           EN_COURS,                0.00",
        "ACQUIS,     ACQUIS,     -,          ACQUISE,       NON_COMMENCEE, EN_COURS,     -,           EN_COURS,                66.67",
        "ACQUIS,     ACQUIS,     ACQUIS,     ACQUISE,       ACQUISE,       EVALUE,       FAVORABLE,   PROPOSITION_FAVORABLE,   100.00",
        "ACQUIS,     NON_ACQUIS, ACQUIS,     NON_ACQUISE,   ACQUISE,       EVALUE,       DEFAVORABLE, PROPOSITION_DEFAVORABLE, 66.67",
        "EN_COURS,   EN_COURS,   EN_COURS,   EN_COURS,      EN_COURS,      EN_COURS,     -,           EN_COURS,                0.00",
        "NON_ACQUIS, -,          ACQUIS,     EN_COURS,      ACQUISE,       EN_COURS,     -,           EN_COURS,                33.33",
        "ACQUIS,     ACQUIS,     NON_ACQUIS, ACQUISE,       NON_ACQUISE,   EVALUE,       DEFAVORABLE, PROPOSITION_DEFAVORABLE, 66.67",
        "ACQUIS,     ACQUIS,     EN_COURS,   ACQUISE,       EN_COURS,      EN_COURS,     -,           EN_COURS,                66.67",
        "NON_ACQUIS, NON_ACQUIS, NON_ACQUIS, NON_ACQUISE,   NON_ACQUISE,   EVALUE,       DEFAVORABLE, PROPOSITION_DEFAVORABLE, 0.00",
        "ACQUIS,     EN_COURS,   -,          EN_COURS,      NON_COMMENCEE, EN_COURS,     -,           EN_COURS,                33.33",
        "NON_ACQUIS, EN_COURS,   NON_ACQUIS, EN_COURS,      NON_ACQUISE,   EN_COURS,     -,           EN_COURS,                0.00",
        "-,          -,          ACQUIS,     NON_COMMENCEE, ACQUISE,       EN_COURS,     -,           EN_COURS,                33.33",
    })
    void rules(
            String s11,
            String s12,
            String s21,
            CompetenceState c1,
            CompetenceState c2,
            EvaluationState evaluation,
            String proposition,
            BlocState state,
            String score) {
        Map<String, JudgmentStatus> statuses = statuses(s11, s12, s21);
        Results results = ResultCalculator.compute(referentiel(2), statuses);
        assertThat(results.competence("C1").orElseThrow().state()).isEqualTo(c1);
        assertThat(results.competence("C2").orElseThrow().state()).isEqualTo(c2);
        Results.BlocResult bloc = results.bloc("B1").orElseThrow();
        assertThat(bloc.evaluationState()).isEqualTo(evaluation);
        assertThat(bloc.proposition()).isEqualTo(proposition("-".equals(proposition) ? null : proposition));
        assertThat(bloc.decision()).isNull();
        assertThat(bloc.state()).isEqualTo(state);
        assertThat(bloc.score()).isEqualTo(new BigDecimal(score));
    }

    /** Share of criteria acquired, 60 % of three criteria: two ACQUIS are enough, even with a compétence not acquired. */
    @ParameterizedTest(name = "C1.1={0} C1.2={1} C2.1={2} -> bloc {3} {4}")
    @CsvSource({
        "ACQUIS,     ACQUIS,     NON_ACQUIS, EVALUE,   FAVORABLE",
        "ACQUIS,     NON_ACQUIS, ACQUIS,     EVALUE,   FAVORABLE",
        "ACQUIS,     NON_ACQUIS, NON_ACQUIS, EVALUE,   DEFAVORABLE",
        "ACQUIS,     ACQUIS,     ACQUIS,     EVALUE,   FAVORABLE",
        "ACQUIS,     ACQUIS,     EN_COURS,   EN_COURS, -",
        "EN_COURS,   EN_COURS,   EN_COURS,   EN_COURS, -",
        "ACQUIS,     ACQUIS,     -,          EN_COURS, -",
    })
    void shareOfCriteriaAcquis(String s11, String s12, String s21, EvaluationState evaluation, String proposition) {
        Referentiel referentiel =
                referentiel("\"blocValide\": \"SHARE_OF_CRITERIA_ACQUIS\", \"blocValideMinimumPercent\": 60");
        Results.BlocResult bloc = ResultCalculator.compute(referentiel, statuses(s11, s12, s21))
                .bloc("B1")
                .orElseThrow();
        assertThat(bloc.evaluationState()).isEqualTo(evaluation);
        assertThat(bloc.proposition()).isEqualTo(proposition("-".equals(proposition) ? null : proposition));
        assertThat(bloc.state()).isNotIn(BlocState.VALIDE, BlocState.NON_VALIDE);
    }

    /** Whose judgments count: by default the évaluateur habilité's alone; BOTH_ACQUIS combines both evaluators'. */
    @ParameterizedTest(name = "évaluateur {0}, tuteur {1} -> default {2}, BOTH_ACQUIS {3}")
    @CsvSource({
        "NON_EVALUE, NON_EVALUE, NON_EVALUE, NON_EVALUE",
        "ACQUIS,     NON_EVALUE, ACQUIS,     EN_COURS",
        "NON_EVALUE, ACQUIS,     NON_EVALUE, EN_COURS",
        "ACQUIS,     ACQUIS,     ACQUIS,     ACQUIS",
        "ACQUIS,     NON_ACQUIS, ACQUIS,     NON_ACQUIS",
        "NON_ACQUIS, ACQUIS,     NON_ACQUIS, NON_ACQUIS",
        "NON_ACQUIS, NON_ACQUIS, NON_ACQUIS, NON_ACQUIS",
        "ACQUIS,     EN_COURS,   ACQUIS,     EN_COURS",
        "EN_COURS,   EN_COURS,   EN_COURS,   EN_COURS",
    })
    void whoseJudgmentsCount(
            JudgmentStatus evaluateur, JudgmentStatus tuteur, JudgmentStatus byDefault, JudgmentStatus bothAcquis) {
        Map<String, JudgmentStatus> e = Map.of("C1.1", evaluateur);
        Map<String, JudgmentStatus> t = Map.of("C1.1", tuteur);
        assertThat(CountedStatuses.of(referentiel(2).rules(), e, t).getOrDefault("C1.1", JudgmentStatus.NON_EVALUE))
                .isEqualTo(byDefault);
        Referentiel both = referentiel("\"propositionJudgments\": \"BOTH_ACQUIS\"");
        assertThat(CountedStatuses.of(both.rules(), e, t).get("C1.1")).isEqualTo(bothAcquis);
    }

    @Test
    void theDefaultRuleIsTheEvaluateurHabilites() {
        assertThat(referentiel(2).rules().propositionJudgments())
                .isEqualTo(fr.cqpi.referentiel.ResultRules.JudgmentsRule.EVALUATEUR_HABILITE);
    }

    @Test
    void theThresholdIsInclusiveAndReadFromTheFile() {
        Map<String, JudgmentStatus> twoOfThree = statuses("ACQUIS", "ACQUIS", "NON_ACQUIS");
        assertThat(proposition(
                        "\"blocValide\": \"SHARE_OF_CRITERIA_ACQUIS\", \"blocValideMinimumPercent\": 67", twoOfThree))
                .isEqualTo(Proposition.DEFAVORABLE);
        assertThat(proposition(
                        "\"blocValide\": \"SHARE_OF_CRITERIA_ACQUIS\", \"blocValideMinimumPercent\": 66", twoOfThree))
                .isEqualTo(Proposition.FAVORABLE);
        assertThat(proposition("\"blocValide\": \"ALL_COMPETENCES_ACQUISES\"", twoOfThree))
                .isEqualTo(Proposition.DEFAVORABLE);
    }

    @Test
    void onlyAJuryDecisionMakesABlocValideOrNonValide() {
        Map<String, JudgmentStatus> none = Map.of();
        Results.BlocResult decided = ResultCalculator.compute(referentiel(2), none, Map.of("B1", Decision.VALIDE))
                .bloc("B1")
                .orElseThrow();
        assertThat(decided.state()).isEqualTo(BlocState.VALIDE);
        assertThat(decided.evaluationState()).isEqualTo(EvaluationState.NON_COMMENCE);
        assertThat(decided.proposition()).isNull();
        Results.BlocResult refused = ResultCalculator.compute(
                        referentiel(2), statuses("ACQUIS", "ACQUIS", "ACQUIS"), Map.of("B1", Decision.NON_VALIDE))
                .bloc("B1")
                .orElseThrow();
        assertThat(refused.state()).isEqualTo(BlocState.NON_VALIDE);
        assertThat(refused.proposition()).isEqualTo(Proposition.FAVORABLE);
    }

    private static Proposition proposition(String rules, Map<String, JudgmentStatus> statuses) {
        return ResultCalculator.compute(referentiel(rules), statuses)
                .bloc("B1")
                .orElseThrow()
                .proposition();
    }

    private static Proposition proposition(String name) {
        return name == null ? null : Proposition.valueOf(name);
    }

    private static Map<String, JudgmentStatus> statuses(String s11, String s12, String s21) {
        Map<String, JudgmentStatus> statuses = new HashMap<>();
        put(statuses, "C1.1", s11);
        put(statuses, "C1.2", s12);
        put(statuses, "C2.1", s21);
        return statuses;
    }

    @Test
    void scoreDecimalsComeFromTheReferentiel() {
        Map<String, JudgmentStatus> statuses = Map.of("C1.1", JudgmentStatus.ACQUIS, "C1.2", JudgmentStatus.ACQUIS);
        assertThat(ResultCalculator.compute(referentiel(0), statuses)
                        .bloc("B1")
                        .orElseThrow()
                        .score())
                .isEqualTo(new BigDecimal("67"));
        assertThat(ResultCalculator.compute(referentiel(2), statuses)
                        .bloc("B1")
                        .orElseThrow()
                        .score())
                .isEqualTo(new BigDecimal("66.67"));
    }

    @Test
    void countsAreReported() {
        Map<String, JudgmentStatus> statuses = Map.of("C1.1", JudgmentStatus.ACQUIS, "C2.1", JudgmentStatus.EN_COURS);
        Results.BlocResult bloc =
                ResultCalculator.compute(referentiel(2), statuses).bloc("B1").orElseThrow();
        assertThat(bloc.acquis()).isEqualTo(1);
        assertThat(bloc.evaluated()).isEqualTo(2);
        assertThat(bloc.total()).isEqualTo(3);
        assertThat(bloc.evaluatedPercent()).isEqualTo(67);
    }

    @Test
    void judgmentsOnCriteriaNoLongerInTheReferentielAreIgnored() {
        Map<String, JudgmentStatus> statuses = Map.of("C1.9", JudgmentStatus.ACQUIS);
        assertThat(ResultCalculator.compute(referentiel(2), statuses)
                        .bloc("B1")
                        .orElseThrow()
                        .state())
                .isEqualTo(BlocState.NON_COMMENCE);
    }

    private static void put(Map<String, JudgmentStatus> statuses, String code, String status) {
        if (!"-".equals(status)) {
            statuses.put(code, JudgmentStatus.valueOf(status));
        }
    }
}
