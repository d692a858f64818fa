package fr.cqpi.referentiel;

import static fr.cqpi.referentiel.ReferentielFiles.altered;
import static fr.cqpi.referentiel.ReferentielFiles.bloc;
import static fr.cqpi.referentiel.ReferentielFiles.competence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

class ReferentielParserTest {

    private final ReferentielParser parser = new ReferentielParser();

    static Stream<Arguments> badFiles() {
        return Stream.of(
                bad(
                        "unknown bloc code",
                        r -> bloc(r, 1).put("code", "BX"),
                        "$.blocs[1].code",
                        "unknown bloc code 'BX'"),
                bad("duplicate bloc", r -> bloc(r, 1).put("code", "B1"), "$.blocs[1].code", "duplicate bloc code B1"),
                bad(
                        "duplicate compétence",
                        r -> competence(r, 1, 0).put("code", "C1"),
                        "$.blocs[1].competences[0].code",
                        "duplicate compétence code C1"),
                bad(
                        "duplicate criterion",
                        r -> ((ObjectNode) competence(r, 0, 0)
                                        .withArray("criteria")
                                        .get(1))
                                .put("code", "C1.1"),
                        "$.blocs[0].competences[0].criteria[1].code",
                        "duplicate criterion code C1.1"),
                bad(
                        "criterion under the wrong compétence",
                        r -> ((ObjectNode) competence(r, 0, 1)
                                        .withArray("criteria")
                                        .get(0))
                                .put("code", "C1.9"),
                        "$.blocs[0].competences[1].criteria[0].code",
                        "must be numbered under its compétence"),
                bad("empty bloc title", r -> bloc(r, 2).put("title", "   "), "$.blocs[2].title", "must not be empty"),
                bad(
                        "missing compétence title",
                        r -> competence(r, 3, 0).remove("title"),
                        "$.blocs[3].competences[0].title",
                        "is required"),
                bad(
                        "empty criterion text",
                        r -> ((ObjectNode) competence(r, 0, 2)
                                        .withArray("criteria")
                                        .get(4))
                                .put("text", ""),
                        "$.blocs[0].competences[2].criteria[4].text",
                        "must not be empty"),
                bad(
                        "compétence without criteria",
                        r -> competence(r, 2, 1).putArray("criteria"),
                        "$.blocs[2].competences[1].criteria",
                        "must not be empty"),
                bad(
                        "bloc without compétences",
                        r -> bloc(r, 3).putArray("competences"),
                        "$.blocs[3].competences",
                        "must not be empty"),
                bad(
                        "bloc without modalities",
                        r -> bloc(r, 0).remove("modalities"),
                        "$.blocs[0].modalities",
                        "is required"),
                bad("no blocs", r -> r.remove("blocs"), "$.blocs", "is required"),
                bad(
                        "unknown field (a typo)",
                        r -> competence(r, 0, 0).put("critera", "x"),
                        "$.blocs[0].competences[0].critera",
                        "unknown field"),
                bad(
                        "bloc named on a compétence",
                        r -> competence(r, 0, 0).put("bloc", "B9"),
                        "$.blocs[0].competences[0].bloc",
                        "unknown field"),
                bad(
                        "unknown rule",
                        r -> r.withObjectProperty("rules").put("blocValide", "MOST_COMPETENCES"),
                        "$.rules.blocValide",
                        "unknown rule 'MOST_COMPETENCES'"),
                bad(
                        "unknown rule of whose judgments count",
                        r -> r.withObjectProperty("rules").put("propositionJudgments", "TUTEUR_ONLY"),
                        "$.rules.propositionJudgments",
                        "unknown rule 'TUTEUR_ONLY'"),
                bad(
                        "share rule without its threshold",
                        r -> r.withObjectProperty("rules").put("blocValide", "SHARE_OF_CRITERIA_ACQUIS"),
                        "$.rules.blocValideMinimumPercent",
                        "required with SHARE_OF_CRITERIA_ACQUIS"),
                bad(
                        "threshold out of range",
                        r -> r.withObjectProperty("rules")
                                .put("blocValide", "SHARE_OF_CRITERIA_ACQUIS")
                                .put("blocValideMinimumPercent", 101),
                        "$.rules.blocValideMinimumPercent",
                        "must be a whole number from 1 to 100"),
                bad(
                        "threshold for a rule that has none",
                        r -> r.withObjectProperty("rules").put("blocValideMinimumPercent", 70),
                        "$.rules.blocValideMinimumPercent",
                        "only with blocValide SHARE_OF_CRITERIA_ACQUIS"),
                bad(
                        "text where an array is expected",
                        r -> bloc(r, 0).put("competences", "C1"),
                        "$.blocs[0].competences",
                        "must be an array"));
    }

    private static Arguments bad(String name, Consumer<ObjectNode> change, String path, String message) {
        return Arguments.of(name, change, path, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void refusesABadFileNamingThePathAndFault(String name, Consumer<ObjectNode> change, String path, String message) {
        byte[] content = altered(change);
        assertThatThrownBy(() -> parser.parse("courses/x/referentiel.json", content))
                .isInstanceOfSatisfying(InvalidReferentielException.class, e -> {
                    assertThat(e.source()).isEqualTo("courses/x/referentiel.json");
                    assertThat(e.problems()).anySatisfy(p -> {
                        assertThat(p.jsonPath()).isEqualTo(path);
                        assertThat(p.message()).contains(message);
                    });
                    assertThat(e.getMessage())
                            .contains("courses/x/referentiel.json")
                            .contains(path);
                });
    }

    @Test
    void refusesMalformedJsonWithItsLine() {
        byte[] content = "{\n  \"code\": \"x\",\n  \"blocs\": [\n}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> parser.parse("bad.json", content))
                .isInstanceOf(InvalidReferentielException.class)
                .hasMessageContaining("bad.json")
                .hasMessageContaining("malformed JSON at line 4");
    }

    @Test
    void refusesDuplicateKeys() {
        byte[] content = "{\"code\": \"x\", \"code\": \"y\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> parser.parse("dup.json", content))
                .isInstanceOf(InvalidReferentielException.class)
                .hasMessageContaining("Duplicate Object property \"code\"");
    }

    @Test
    void reportsEveryFaultAtOnce() {
        byte[] content = altered(r -> {
            bloc(r, 0).put("title", "");
            competence(r, 1, 1).putArray("criteria");
        });
        assertThatThrownBy(() -> parser.parse("f.json", content))
                .isInstanceOfSatisfying(
                        InvalidReferentielException.class,
                        e -> assertThat(e.problems()).hasSize(2));
    }

    @Test
    void layoutDoesNotChangeTheCanonicalForm() throws Exception {
        byte[] shipped = Files.readAllBytes(ReferentielFiles.SHIPPED);
        byte[] reformatted = altered(r -> {});
        assertThat(parser.parse("a", shipped).canonicalJson())
                .isEqualTo(parser.parse("b", reformatted).canonicalJson());
    }

    @Test
    void shareOfCriteriaRuleIsRead() {
        byte[] content = altered(r -> r.withObjectProperty("rules")
                .put("blocValide", "SHARE_OF_CRITERIA_ACQUIS")
                .put("blocValideMinimumPercent", 70));
        ResultRules rules = parser.parse("f", content).referentiel().rules();
        assertThat(rules.blocValide()).isEqualTo(ResultRules.BlocRule.SHARE_OF_CRITERIA_ACQUIS);
        assertThat(rules.blocValideMinimumPercent()).isEqualTo(70);
    }

    @Test
    void rulesDefaultWhenAbsent() {
        byte[] content = altered(r -> r.remove("rules"));
        assertThat(parser.parse("f", content).referentiel().rules()).isEqualTo(ResultRules.DEFAULTS);
    }
}
