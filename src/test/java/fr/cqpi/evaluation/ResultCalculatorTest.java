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
        String json = """
                {"code": "t", "title": "T", "certifyingBody": "X",
                 "rules": {"scoreDecimals": %d},
                 "blocs": [{"code": "B1", "title": "Bloc", "modalities": [{"code": "OBSERVATION", "label": "Obs"}],
                   "competences": [
                     {"code": "C1", "title": "Un", "criteria": [{"code": "C1.1", "text": "a"}, {"code": "C1.2", "text": "b"}]},
                     {"code": "C2", "title": "Deux", "criteria": [{"code": "C2.1", "text": "c"}]}]}]}
                """.formatted(decimals);
        return new ReferentielParser()
                .parse("t", json.getBytes(StandardCharsets.UTF_8))
                .referentiel();
    }

    /** "-" means no judgment at all (which counts as NON_EVALUE). */
    @ParameterizedTest(name = "C1.1={0} C1.2={1} C2.1={2} -> C1 {3}, C2 {4}, bloc {5}, {6}")
    @CsvSource({
        "-,          -,          -,          NON_COMMENCEE, NON_COMMENCEE, NON_COMMENCE, 0.00",
        "NON_EVALUE, NON_EVALUE, NON_EVALUE, NON_COMMENCEE, NON_COMMENCEE, NON_COMMENCE, 0.00",
        "ACQUIS,     -,          -,          EN_COURS,      NON_COMMENCEE, EN_COURS,     33.33",
        "EN_COURS,   -,          -,          EN_COURS,      NON_COMMENCEE, EN_COURS,     0.00",
        "NON_ACQUIS, NON_EVALUE, -,          EN_COURS,      NON_COMMENCEE, EN_COURS,     0.00",
        "ACQUIS,     ACQUIS,     -,          ACQUISE,       NON_COMMENCEE, EN_COURS,     66.67",
        "ACQUIS,     ACQUIS,     ACQUIS,     ACQUISE,       ACQUISE,       VALIDE,       100.00",
        "ACQUIS,     NON_ACQUIS, ACQUIS,     NON_ACQUISE,   ACQUISE,       NON_VALIDE,   66.67",
        "EN_COURS,   EN_COURS,   EN_COURS,   NON_ACQUISE,   NON_ACQUISE,   NON_VALIDE,   0.00",
        "NON_ACQUIS, -,          ACQUIS,     EN_COURS,      ACQUISE,       EN_COURS,     33.33",
        "ACQUIS,     ACQUIS,     NON_ACQUIS, ACQUISE,       NON_ACQUISE,   NON_VALIDE,   66.67",
        "ACQUIS,     ACQUIS,     EN_COURS,   ACQUISE,       NON_ACQUISE,   NON_VALIDE,   66.67",
        "NON_ACQUIS, NON_ACQUIS, NON_ACQUIS, NON_ACQUISE,   NON_ACQUISE,   NON_VALIDE,   0.00",
        "ACQUIS,     EN_COURS,   -,          NON_ACQUISE,   NON_COMMENCEE, EN_COURS,     33.33",
        "-,          -,          ACQUIS,     NON_COMMENCEE, ACQUISE,       EN_COURS,     33.33",
    })
    void rules(
            String s11, String s12, String s21, CompetenceState c1, CompetenceState c2, BlocState bloc, String score) {
        Map<String, JudgmentStatus> statuses = new HashMap<>();
        put(statuses, "C1.1", s11);
        put(statuses, "C1.2", s12);
        put(statuses, "C2.1", s21);
        Results results = ResultCalculator.compute(referentiel(2), statuses);
        assertThat(results.competence("C1").orElseThrow().state()).isEqualTo(c1);
        assertThat(results.competence("C2").orElseThrow().state()).isEqualTo(c2);
        assertThat(results.bloc("B1").orElseThrow().state()).isEqualTo(bloc);
        assertThat(results.bloc("B1").orElseThrow().score()).isEqualTo(new BigDecimal(score));
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
