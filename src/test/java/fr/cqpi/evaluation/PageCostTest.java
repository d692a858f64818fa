package fr.cqpi.evaluation;

import static fr.cqpi.support.TestPlatform.INSTRUCTOR;
import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.LtiClient;
import fr.cqpi.support.StatementCounter;
import fr.cqpi.support.TestCohorts;
import fr.cqpi.support.TestPlatform;
import fr.cqpi.support.ToolIntegrationTest;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

/**
 * The SQL statements of the trainer's busiest requests (docs/benchmarks.md, issue 10): the cohort page, a learner's
 * grid and the grid's autosave (the htmx form PUT of a status change), printed with their first words and pinned so
 * that they cannot silently grow back.
 */
@Import(StatementCounter.Config.class)
class PageCostTest extends ToolIntegrationTest {

    record Cost(int statements, int roundTrips, List<String> sql) {}

    @Test
    void cohortGridAndAutosave() {
        TestPlatform moodle = newPlatform("moodle");
        LtiClient trainer = browser();
        trainer.launch(moodle, "teacher", n -> moodle.moodleLaunch("teacher", INSTRUCTOR, n, "course-cost"));
        long courseId = jdbc.sql("select id from course where platform_id = :p")
                .param("p", moodle.platform().id())
                .query(Long.class)
                .single();
        TestCohorts.addJudgedLearners(jdbc, moodle.platform().id(), courseId, "learner-", 0, 30);

        Cost cohort = fewest(() -> expect(200, trainer.get("/app/cohort")));
        Cost grid = fewest(() -> expect(200, trainer.get("/app/learners/learner-3")));
        String page = trainer.get("/app/learners/learner-3").body();
        Map<String, String> headers = new HashMap<>(trainer.csrfHeaders(page));
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        headers.put("HX-Request", "true");
        headers.put("HX-Target", "criterion-C1-1");
        int[] version = {1};
        String[] statuses = {"EN_COURS", "ACQUIS"};
        int[] turn = {0};
        Cost autosave = fewest(() -> {
            HttpResponse<String> answer = expect(
                    200,
                    trainer.send(
                            "PUT",
                            "/app/learners/learner-3/judgments/C1.1",
                            LtiClient.form(Map.of(
                                    "version",
                                    Integer.toString(version[0]),
                                    "status",
                                    statuses[turn[0]++ % 2],
                                    "modality",
                                    "ENTRETIEN",
                                    "comment",
                                    "")),
                            headers));
            Matcher next = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(answer.body());
            assertThat(next.find()).isTrue();
            version[0] = Integer.parseInt(next.group(1));
            return answer;
        });
        System.out.printf(
                "Page sizes: cohort %d chars, grid %d chars%n",
                trainer.get("/app/cohort").body().length(), page.length());
        try {
            // To read what the bytes are spent on.
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
            java.nio.file.Files.writeString(java.nio.file.Path.of("target/page-cost-grid.html"), page);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        report(Map.of("cohort page (30 learners)", cohort, "grid page", grid, "autosave (form PUT)", autosave));
        assertThat(cohort.statements()).isLessThanOrEqualTo(14);
        // The grid page comes with its panels written in (the open bloc's evidence, the documents, the livret), which
        // were three requests of their own until the seventh session (14 + 16 statements); what the panels read again
        // (the learner, the judgments, the jury's decisions, the sessions) is read once per page (RequestMemo).
        assertThat(grid.statements()).isLessThanOrEqualTo(17);
        assertThat(autosave.statements()).isLessThanOrEqualTo(30);
    }

    /**
     * A criterion rendered once is shown again only while what it shows is unchanged: a judgment written by another
     * instance (here straight into PostgreSQL, bypassing this one) appears on the next page.
     */
    @Test
    void aRenderedCriterionIsNeverStale() {
        TestPlatform moodle = newPlatform("moodle");
        LtiClient trainer = browser();
        trainer.launch(moodle, "teacher", n -> moodle.moodleLaunch("teacher", INSTRUCTOR, n, "course-stale"));
        long courseId = jdbc.sql("select id from course where platform_id = :p")
                .param("p", moodle.platform().id())
                .query(Long.class)
                .single();
        TestCohorts.addJudgedLearners(jdbc, moodle.platform().id(), courseId, "learner-", 0, 1);
        String before = trainer.get("/app/learners/learner-0").body();
        assertThat(before).doesNotContain("Écrit par une autre instance");
        jdbc.sql("""
                        update judgment set comment = 'Écrit par une autre instance', version = version + 1,
                               updated_by_name = 'Autre', updated_at = now()
                        where course_id = :c and criterion_code = 'C1.1'""").param("c", courseId).update();
        String after = trainer.get("/app/learners/learner-0").body();
        assertThat(after).contains("Écrit par une autre instance").contains("par Autre");
        assertThat(criterion(after, "C1-1")).contains("name=\"version\" value=\"2\"");
        assertThat(criterion(after, "C1-2")).isEqualTo(criterion(before, "C1-2"));
    }

    private static String criterion(String page, String domId) {
        int start = page.indexOf("id=\"criterion-" + domId + "\"");
        return page.substring(start, page.indexOf("id=\"criterion-", start + 10));
    }

    /** The fewest of three: short per-instance caches (référentiel version) may expire between two requests. */
    private static Cost fewest(Supplier<?> request) {
        request.get();
        Cost best = null;
        for (int i = 0; i < 3; i++) {
            StatementCounter.reset();
            request.get();
            Cost cost =
                    new Cost(StatementCounter.count(), StatementCounter.roundTrips(), StatementCounter.statements());
            if (best == null || cost.statements() < best.statements()) {
                best = cost;
            }
        }
        return best;
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response;
    }

    private static void report(Map<String, Cost> costs) {
        StringBuilder out = new StringBuilder("Page cost:\n");
        new TreeMap<>(costs)
                .forEach((step, cost) -> out.append(String.format(
                                "  %-28s %2d statements, %2d round trips%n",
                                step, cost.statements(), cost.roundTrips()))
                        .append(String.join(
                                "\n",
                                cost.sql().stream().map(sql -> "      " + sql).toList()))
                        .append('\n'));
        System.out.print(out);
    }
}
