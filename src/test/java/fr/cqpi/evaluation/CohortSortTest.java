package fr.cqpi.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.course.CourseMember;
import fr.cqpi.course.ToolRole;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CohortSortTest {

    static CohortRow row(long id, String name, String email, String b1Score) {
        return new CohortRow(
                new CourseMember(id, "sub-" + id, name, email, ToolRole.LEARNER, true, null, name, false),
                new Results(
                        List.of(),
                        List.of(new Results.BlocResult(
                                "B1", EvaluationState.EN_COURS, null, null, new BigDecimal(b1Score), 1, 1, 4))),
                null);
    }

    static final List<CohortRow> ROWS = List.of(
            row(1, "Émile Zola", "ez@example.org", "50.00"),
            row(2, "adèle Martin", "am@example.org", "25.00"),
            row(3, null, null, "75.00"),
            row(4, "Bruno Petit", "bp@example.org", "50.00"));

    static List<String> names(List<CohortRow> rows) {
        return rows.stream().map(r -> r.learner().displayName()).toList();
    }

    @Test
    void byNameInFrenchOrderIgnoringCaseAndAccents() {
        assertThat(names(CohortSort.of(null, null, null).apply(ROWS)))
                .containsExactly("adèle Martin", "Bruno Petit", "Émile Zola", "sub-3");
        assertThat(names(CohortSort.of("name", "desc", null).apply(ROWS)))
                .containsExactly("sub-3", "Émile Zola", "Bruno Petit", "adèle Martin");
    }

    @Test
    void byBlocScoreThenName() {
        assertThat(names(CohortSort.of("B1", "asc", null).apply(ROWS)))
                .containsExactly("adèle Martin", "Bruno Petit", "Émile Zola", "sub-3");
        assertThat(names(CohortSort.of("B1", "desc", null).apply(ROWS)))
                .containsExactly("sub-3", "Émile Zola", "Bruno Petit", "adèle Martin");
    }

    @Test
    void anUnknownColumnSortsByName() {
        CohortSort sort = CohortSort.of("email; drop table", "asc", null);
        assertThat(sort.column()).isEqualTo("name");
    }

    @Test
    void theFilterMatchesNameOrEmailWithoutAccents() {
        assertThat(names(CohortSort.of(null, null, " emile ").apply(ROWS))).containsExactly("Émile Zola");
        assertThat(names(CohortSort.of(null, null, "BP@").apply(ROWS))).containsExactly("Bruno Petit");
        assertThat(names(CohortSort.of(null, null, "nobody").apply(ROWS))).isEmpty();
    }

    @Test
    void headersSayTheDirection() {
        CohortSort sort = CohortSort.of("B1", "asc", null);
        assertThat(sort.nextDir("B1")).isEqualTo("desc");
        assertThat(sort.nextDir("name")).isEqualTo("asc");
        assertThat(sort.ariaSort("B1")).isEqualTo("ascending");
        assertThat(sort.ariaSort("name")).isEqualTo("none");
    }

    @Test
    void byFamilyNameWhenThePlatformSentIt() {
        List<CohortRow> rows = List.of(
                new CohortRow(
                        new CourseMember(1, "a", "Zoé Abadie", null, ToolRole.LEARNER, true, null, "Abadie Zoé", false),
                        ROWS.get(0).results(),
                        null),
                new CohortRow(
                        new CourseMember(
                                2, "b", "Alain Martin", null, ToolRole.LEARNER, true, null, "Martin Alain", false),
                        ROWS.get(0).results(),
                        null));
        assertThat(names(CohortSort.of("name", "asc", null).apply(rows))).containsExactly("Zoé Abadie", "Alain Martin");
    }

    @Test
    void byLastEvaluationNeverJudgedFirst() {
        List<CohortRow> rows = List.of(
                withLast(ROWS.get(0), Instant.parse("2026-11-02T10:00:00Z")),
                withLast(ROWS.get(1), null),
                withLast(ROWS.get(2), Instant.parse("2026-10-02T10:00:00Z")));
        assertThat(names(CohortSort.of("last", "asc", null).apply(rows)))
                .containsExactly("adèle Martin", "sub-3", "Émile Zola");
    }

    @Test
    void theStateFilterKeepsLearnersWithABlocInThatState() {
        assertThat(CohortSort.of(null, null, null, "B1", "EN_COURS").apply(ROWS))
                .hasSize(4);
        assertThat(CohortSort.of(null, null, null, "B1", "VALIDE").apply(ROWS)).isEmpty();
        assertThat(CohortSort.of(null, null, null, "B2", "EN_COURS").apply(ROWS))
                .isEmpty();
        assertThat(CohortSort.of(null, null, null, null, "EN_COURS").apply(ROWS))
                .hasSize(4);
        CohortSort unknown = CohortSort.of(null, null, null, "<b>", "PWNED");
        assertThat(unknown.state()).isEmpty();
        assertThat(unknown.bloc()).isEmpty();
        assertThat(unknown.apply(ROWS)).hasSize(4);
    }

    static CohortRow withLast(CohortRow row, Instant last) {
        return new CohortRow(row.learner(), row.results(), last);
    }
}
