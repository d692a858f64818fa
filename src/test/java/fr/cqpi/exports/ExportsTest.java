package fr.cqpi.exports;

import static fr.cqpi.support.TestPlatform.INSTRUCTOR;
import static fr.cqpi.support.TestPlatform.LEARNER;
import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.Json;
import fr.cqpi.support.LtiClient;
import fr.cqpi.support.TestPlatform;
import fr.cqpi.support.ToolIntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cohort and judgment exports, downloaded over real HTTP after real launches, read back as a spreadsheet would. */
class ExportsTest extends ToolIntegrationTest {

    private static final CSVFormat FRENCH_EXCEL =
            CSVFormat.EXCEL.builder().setDelimiter(';').get();

    TestPlatform moodle;
    LtiClient trainer;
    LtiClient learner;

    @BeforeEach
    void cohort() {
        moodle = newPlatform("moodle");
        learner = launched(moodle, "learner-1", LEARNER, "course-1");
        launched(moodle, "learner-2", LEARNER, "course-1");
        launched(moodle, "learner-other-course", LEARNER, "course-2");
        trainer = launched(moodle, "teacher-1", INSTRUCTOR, "course-1");
        Map<String, String> csrf = trainer.apiHeaders();
        for (String code : List.of("C1.1", "C1.2")) {
            assertThat(judge(csrf, code, "ACQUIS", "Observé en atelier ; « très bien »")
                            .statusCode())
                    .isEqualTo(200);
        }
        assertThat(judge(csrf, "C1.3", "NON_ACQUIS", "=HYPERLINK(\"http://evil.example\")\nà revoir")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void theCohortAsCsvOpensInFrenchExcel() throws IOException {
        HttpResponse<byte[]> response = trainer.getBytes("/app/exports/cohort.csv");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).contains("attachment").contains("cqpi-cohorte-"));
        byte[] body = response.body();
        assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
        List<CSVRecord> records = csv(body);
        assertThat(records.get(0).toList())
                .startsWith("Apprenant", "Courriel", "Dernière évaluation", "B1 — État")
                .contains("B1 — Part des critères acquis (%)", "B4 — Décision du jury", "C9 — Compétence");
        assertThat(records).hasSize(3);
        CSVRecord judged = records.stream()
                .filter(r -> r.get(2).matches("\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d"))
                .findFirst()
                .orElseThrow();
        int b1 = records.get(0).toList().indexOf("B1 — État");
        assertThat(judged.get(b1)).isEqualTo("En cours");
        assertThat(judged.get(b1 + 2)).isEqualTo("2");
        assertThat(judged.get(b1 + 3)).isEqualTo("3");
        assertThat(judged.get(b1 + 4)).isEmpty();
        assertThat(judged.get(b1 + 5)).isEmpty();
        assertThat(records.stream().map(r -> r.get(0))).noneMatch(name -> name.contains("other-course"));
    }

    @Test
    void everyJudgmentAsCsvKeepsCommentsWholeAndNeutralisesFormulas() throws IOException {
        List<CSVRecord> records =
                csv(trainer.getBytes("/app/exports/judgments.csv").body());

        assertThat(records.get(0).toList())
                .containsExactly(
                        "Apprenant",
                        "Courriel",
                        "Bloc",
                        "Compétence",
                        "Critère",
                        "Résultat observable",
                        "Statut",
                        "Modalité",
                        "Commentaire",
                        "Évaluateur",
                        "Rôle de l'évaluateur",
                        "Session d'évaluation",
                        "Date de la session",
                        "Date");
        assertThat(records).hasSize(4);
        assertThat(records.subList(1, 4).stream().map(r -> r.get(4))).containsExactly("C1.1", "C1.2", "C1.3");
        assertThat(records.get(1).get(2)).isEqualTo("B1");
        assertThat(records.get(1).get(6)).isEqualTo("Acquis");
        assertThat(records.get(1).get(8)).isEqualTo("Observé en atelier ; « très bien »");
        assertThat(records.get(3).get(8)).isEqualTo("'=HYPERLINK(\"http://evil.example\")\nà revoir");
        assertThat(records.get(3).get(6)).isEqualTo("Non acquis");
        assertThat(records.get(1).get(10)).isEqualTo("Évaluateur habilité / formateur");
        assertThat(records.get(1).get(11)).isEqualTo("Évaluation intermédiaire");
        assertThat(records.get(1).get(12)).matches("\\d\\d/\\d\\d/\\d{4}");
    }

    /**
     * A jury reads everything the evaluators wrote: a comment on a criterion still « Non évalué » is exported, and so
     * is the tuteur entreprise's every judgment, each line saying whose it is.
     */
    @Test
    void everyJudgmentOfBothEvaluatorsAndCommentsOnCriteriaNotEvaluatedYet() throws IOException {
        Map<String, String> csrf = trainer.apiHeaders();
        assertThat(judge(csrf, "C1.4", "NON_EVALUE", "Pas encore observé : prévu en janvier")
                        .statusCode())
                .isEqualTo(200);
        LtiClient tutor =
                launched(moodle, "tutor-1", TestPlatform.MENTOR, "course-1", TestPlatform.mentorOf("learner-1"));
        Map<String, String> tutorApi = tutor.apiHeaders();
        for (String[] j : new String[][] {
            {"C1.1", "EN_COURS", "Vu en atelier par le tuteur"}, {"C1.2", "NON_EVALUE", "À observer chez nous"}
        }) {
            var saved = tutor.judge(tutorApi, "learner-1", j[0], Json.object("status", j[1], "comment", j[2]));
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        }

        List<CSVRecord> records =
                csv(trainer.getBytes("/app/exports/judgments.csv").body());
        List<List<String>> lines = records.subList(1, records.size()).stream()
                .map(r -> List.of(r.get(4), r.get(6), r.get(8), r.get(10)))
                .toList();
        assertThat(lines)
                .containsExactly(
                        List.of(
                                "C1.1",
                                "Acquis",
                                "Observé en atelier ; « très bien »",
                                "Évaluateur habilité / formateur"),
                        List.of("C1.1", "En cours d'acquisition", "Vu en atelier par le tuteur", "Tuteur entreprise"),
                        List.of(
                                "C1.2",
                                "Acquis",
                                "Observé en atelier ; « très bien »",
                                "Évaluateur habilité / formateur"),
                        List.of("C1.2", "Non évalué", "À observer chez nous", "Tuteur entreprise"),
                        List.of(
                                "C1.3",
                                "Non acquis",
                                "'=HYPERLINK(\"http://evil.example\")\nà revoir",
                                "Évaluateur habilité / formateur"),
                        List.of(
                                "C1.4",
                                "Non évalué",
                                "Pas encore observé : prévu en janvier",
                                "Évaluateur habilité / formateur"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                trainer.getBytes("/app/exports/judgments.xlsx").body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(6);
            List<String> comments = new ArrayList<>();
            List<String> evaluators = new ArrayList<>();
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                comments.add(sheet.getRow(i).getCell(8).getStringCellValue());
                evaluators.add(sheet.getRow(i).getCell(10).getStringCellValue());
            }
            assertThat(comments).contains("À observer chez nous", "Pas encore observé : prévu en janvier");
            assertThat(evaluators).contains("Tuteur entreprise", "Évaluateur habilité / formateur");
        }
    }

    @Test
    void everyJudgmentAsXlsxHasNumbersAndDatesAsSuch() throws IOException {
        HttpResponse<byte[]> response = trainer.getBytes("/api/v1/exports/judgments.xlsx");

        assertThat(response.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("jugements");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Apprenant");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            Row third = sheet.getRow(3);
            assertThat(third.getCell(4).getStringCellValue()).isEqualTo("C1.3");
            assertThat(third.getCell(8).getStringCellValue()).startsWith("=HYPERLINK");
            assertThat(third.getCell(8).getCellType()).isEqualTo(CellType.STRING);
            assertThat(third.getCell(13).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(third.getCell(13).getLocalDateTimeCellValue()).isNotNull();
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                trainer.getBytes("/app/exports/cohort.xlsx").body()))) {
            Row header = workbook.getSheetAt(0).getRow(0);
            int b1Score = 4;
            assertThat(header.getCell(b1Score).getStringCellValue()).isEqualTo("B1 — Part des critères acquis (%)");
            List<Double> scores = new ArrayList<>();
            for (int i = 1; i <= workbook.getSheetAt(0).getLastRowNum(); i++) {
                scores.add(workbook.getSheetAt(0).getRow(i).getCell(b1Score).getNumericCellValue());
            }
            assertThat(scores).contains(0.0).anySatisfy(s -> assertThat(s).isGreaterThan(0));
        }
    }

    @Test
    void anEnglishLaunchGetsEnglishHeadersAndWords() throws IOException {
        TestPlatform canvas = newPlatform("canvas");
        launched(canvas, "learner-en", LEARNER, "course-en");
        LtiClient englishTrainer = browser();
        englishTrainer.launch(canvas, "teacher-en", n -> canvas.canvasLaunch("teacher-en", INSTRUCTOR, n, "course-en"));

        List<CSVRecord> records =
                csv(englishTrainer.getBytes("/app/exports/cohort.csv").body());

        assertThat(records.get(0).toList()).startsWith("Learner", "E-mail", "Last evaluation", "B1 — State");
        assertThat(records.get(1).get(3)).isEqualTo("Not started");
    }

    @Test
    void onlyEvaluatorsExportAndARefusalCarriesNoData() {
        for (String path : List.of(
                "/app/exports/cohort.csv",
                "/app/exports/judgments.xlsx",
                "/api/v1/exports/cohort.xlsx",
                "/api/v1/exports/judgments.csv")) {
            HttpResponse<byte[]> refused = learner.getBytes(path);
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(new String(refused.body(), StandardCharsets.UTF_8)).doesNotContain("C1.3", "Observé");
        }
        assertThat(LtiClient.withoutCookies(port)
                        .getBytes("/api/v1/exports/cohort.csv")
                        .statusCode())
                .isIn(401, 403);
        assertThat(trainer.getBytes("/app/exports/cohort.pdf").statusCode()).isEqualTo(404);
        assertThat(trainer.getBytes("/app/exports/passwords.csv").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> judge(Map<String, String> csrf, String code, String status, String comment) {
        return trainer.judge(
                csrf, "learner-1", code, Json.object("status", status, "modality", "OBSERVATION", "comment", comment));
    }

    private static List<CSVRecord> csv(byte[] body) throws IOException {
        String text = new String(body, StandardCharsets.UTF_8).substring(1);
        return FRENCH_EXCEL.parse(new StringReader(text)).getRecords();
    }
}
