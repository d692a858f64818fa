package fr.cqpi.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.cqpi.support.AgsCourse;
import fr.cqpi.support.Json;
import fr.cqpi.support.LtiClient;
import fr.cqpi.support.ToolIntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Evidence over real HTTP on PostgreSQL: the type read from the content, the size limit (64 KB here), links http(s)
 * only, who sees and who attaches where, withdrawal kept and audited, the download's headers.
 */
@TestPropertySource(properties = "cqpi.evidence.max-file-size=64KB")
class EvidenceTest extends ToolIntegrationTest {

    static final byte[] PDF =
            "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    HttpResponse<String> upload(
            LtiClient who,
            Map<String, String> csrf,
            String learner,
            String bloc,
            String criterion,
            String name,
            String type,
            byte[] bytes) {
        Map<String, String> headers = new HashMap<>(csrf);
        headers.put("Accept", "application/json");
        Map<String, String> fields = new HashMap<>();
        fields.put("blocCode", bloc);
        if (criterion != null) {
            fields.put("criterionCode", criterion);
        }
        byte[] body = LtiClient.multipart(fields, name, type, bytes, headers);
        return who.send("POST", "/api/v1/learners/" + learner + "/evidence", body, headers);
    }

    HttpResponse<String> link(LtiClient who, Map<String, String> csrf, String learner, String bloc, String url) {
        Map<String, String> headers = new HashMap<>(csrf);
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json");
        return who.send(
                "POST",
                "/api/v1/learners/" + learner + "/evidence",
                "{\"blocCode\": \"" + bloc + "\", \"url\": \"" + url + "\", \"title\": \"Tableau de bord\"}",
                headers);
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String e : entries) {
                zip.putNextEntry(new ZipEntry(e));
                zip.write("<xml/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void aFileIsAcceptedByItsContentServedAsAnAttachmentAndAudited() throws IOException {
        AgsCourse course = new AgsCourse(this, LMS, registry, "sarah");
        // A PNG named .pdf and declared as a PDF: stored as what it is, with the right extension.
        byte[] png = Arrays.copyOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 200);
        var saved = upload(
                course.trainer, course.trainerHeaders, "sarah", "B3", "C7.2", "capture.pdf", "application/pdf", png);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        JsonNode item = Json.read(saved.body());
        assertThat(item.get("contentType").asText()).isEqualTo("image/png");
        assertThat(item.get("title").asText()).isEqualTo("capture.pdf.png");
        assertThat(item.get("criterionCode").asText()).isEqualTo("C7.2");
        assertThat(item.get("sizeBytes").asLong()).isEqualTo(200);
        assertThat(item.get("addedAs").asText()).isEqualTo("EVALUATOR");

        var docx = upload(
                course.trainer,
                course.trainerHeaders,
                "sarah",
                "B3",
                null,
                "Suivi projet.docx",
                "application/octet-stream",
                zip("[Content_Types].xml", "_rels/.rels", "word/document.xml"));
        assertThat(docx.statusCode()).as(docx.body()).isEqualTo(201);
        assertThat(Json.read(docx.body()).get("contentType").asText())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

        long id = item.get("id").asLong();
        HttpResponse<byte[]> download = course.trainer.getBytes("/api/v1/learners/sarah/evidence/" + id + "/content");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(png);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment")
                .contains("capture.pdf.png");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(download.headers().allValues("Content-Security-Policy"))
                .singleElement()
                .asString()
                .startsWith("sandbox");

        JsonNode list =
                Json.read(course.trainer.get("/api/v1/learners/sarah/evidence").body());
        assertThat(list).hasSize(2);
        assertThat(jdbc.sql("select action from evidence_audit e join lti_user u on u.id = e.learner_id"
                                + " where e.evidence_id = :id")
                        .param("id", id)
                        .query(String.class)
                        .list())
                .containsExactly("ADDED");

        // Withdrawn: no longer listed nor served, kept in the table, and the audit says who and when.
        var withdrawn = course.trainer.send(
                "DELETE", "/api/v1/learners/sarah/evidence/" + id, (String) null, course.trainerHeaders);
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        assertThat(Json.read(
                        course.trainer.get("/api/v1/learners/sarah/evidence").body()))
                .hasSize(1);
        assertThat(course.trainer
                        .getBytes("/api/v1/learners/sarah/evidence/" + id + "/content")
                        .statusCode())
                .isEqualTo(404);
        assertThat(jdbc.sql("select action || ':' || actor_as from evidence_audit where evidence_id = :id order by id")
                        .param("id", id)
                        .query(String.class)
                        .list())
                .containsExactly("ADDED:EVALUATOR", "WITHDRAWN:EVALUATOR");
        assertThat(jdbc.sql("select withdrawn_at is not null and content is not null from evidence where id = :id")
                        .param("id", id)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        // PostgreSQL itself keeps the audit and the evidence.
        assertThatThrownBy(() -> jdbc.sql("delete from evidence_audit").update())
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("update evidence set title = 'x' where id = :id")
                        .param("id", id)
                        .update())
                .rootCause()
                .hasMessageContaining("only ever withdrawn");
        assertThatThrownBy(() -> jdbc.sql("delete from evidence where id = :id")
                        .param("id", id)
                        .update())
                .rootCause()
                .hasMessageContaining("only ever withdrawn");
    }

    @Test
    void aWrongTypeOrATooLargeFileIsRefusedAndNothingStored() throws IOException {
        AgsCourse course = new AgsCourse(this, LMS, registry, "tom");
        long before = count("evidence");
        long audits = count("evidence_audit");
        byte[] html = "<!DOCTYPE html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
        var htmlAsPdf =
                upload(course.trainer, course.trainerHeaders, "tom", "B1", null, "cv.pdf", "application/pdf", html);
        assertThat(htmlAsPdf.statusCode()).isEqualTo(415);
        assertThat(htmlAsPdf.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Json.read(htmlAsPdf.body()).get("title").asText()).isEqualTo("unsupported_file_type");
        byte[] exe = Arrays.copyOf(new byte[] {'M', 'Z', (byte) 0x90, 0}, 512);
        assertThat(upload(
                                course.trainer,
                                course.trainerHeaders,
                                "tom",
                                "B1",
                                null,
                                "rapport.pdf",
                                "application/pdf",
                                exe)
                        .statusCode())
                .isEqualTo(415);
        // A ZIP that is no office document is not one.
        assertThat(upload(
                                course.trainer,
                                course.trainerHeaders,
                                "tom",
                                "B1",
                                null,
                                "notes.docx",
                                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                                zip("evil.sh"))
                        .statusCode())
                .isEqualTo(415);

        byte[] big = Arrays.copyOf(PDF, 64 * 1024 + 1);
        var tooLarge =
                upload(course.trainer, course.trainerHeaders, "tom", "B1", null, "big.pdf", "application/pdf", big);
        assertThat(tooLarge.statusCode()).as(tooLarge.body()).isEqualTo(413);
        assertThat(tooLarge.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Json.read(tooLarge.body()).get("maxBytes").asLong()).isEqualTo(64 * 1024);
        // Exactly at the limit it passes.
        assertThat(upload(
                                course.trainer,
                                course.trainerHeaders,
                                "tom",
                                "B1",
                                null,
                                "ok.pdf",
                                "application/pdf",
                                Arrays.copyOf(PDF, 64 * 1024))
                        .statusCode())
                .isEqualTo(201);

        var empty = upload(
                course.trainer, course.trainerHeaders, "tom", "B1", null, "vide.pdf", "application/pdf", new byte[0]);
        assertThat(empty.statusCode()).isEqualTo(400);
        var unknownCriterion =
                upload(course.trainer, course.trainerHeaders, "tom", "B1", "C9.1", "a.pdf", "application/pdf", PDF);
        assertThat(unknownCriterion.statusCode()).isEqualTo(400);
        assertThat(Json.read(unknownCriterion.body()).get("field").asText()).isEqualTo("criterionCode");

        for (String bad : new String[] {
            "javascript:alert(1)",
            "ftp://example.org/x",
            "data:text/html,x",
            "https://user:pw@example.org/",
            "/relative",
            "http://"
        }) {
            var refused = link(course.trainer, course.trainerHeaders, "tom", "B2", bad);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(Json.read(refused.body()).get("field").asText()).isEqualTo("url");
        }
        assertThat(count("evidence")).isEqualTo(before + 1);
        assertThat(count("evidence_audit")).isEqualTo(audits + 1);

        var ok = link(course.trainer, course.trainerHeaders, "tom", "B2", "HTTPS://intranet.example.org/tableau?id=4");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        assertThat(Json.read(ok.body()).get("url").asText()).isEqualTo("https://intranet.example.org/tableau?id=4");

        // CSRF: an upload without the token is refused and stores nothing.
        Map<String, String> noCsrf = new HashMap<>(Map.of("Accept", "application/json"));
        byte[] body = LtiClient.multipart(Map.of("blocCode", "B1"), "a.pdf", "application/pdf", PDF, noCsrf);
        assertThat(course.trainer
                        .send("POST", "/api/v1/learners/tom/evidence", body, noCsrf)
                        .statusCode())
                .isEqualTo(403);
        assertThat(count("evidence")).isEqualTo(before + 2);
    }

    @Test
    void aLearnerSeesOnlyTheirOwnFileAndAttachesOnlyTheDocumentTheCandidateWrites() {
        AgsCourse course = new AgsCourse(this, LMS, registry, "ines", "hugo");
        var trainerFile =
                upload(course.trainer, course.trainerHeaders, "ines", "B1", "C1.1", "obs.pdf", "application/pdf", PDF);
        assertThat(trainerFile.statusCode()).isEqualTo(201);
        long trainerItem = Json.read(trainerFile.body()).get("id").asLong();

        LtiClient ines = course.learner("ines");
        Map<String, String> inesCsrf = ines.csrfHeaders(ines.get("/app").body());
        // B3 is evaluated on a document the candidate writes (référentiel: candidateWrites): the learner attaches it.
        var written = upload(ines, inesCsrf, "ines", "B3", null, "Suivi de projet.pdf", "application/pdf", PDF);
        assertThat(written.statusCode()).as(written.body()).isEqualTo(201);
        assertThat(Json.read(written.body()).get("addedAs").asText()).isEqualTo("LEARNER");
        long inesItem = Json.read(written.body()).get("id").asLong();
        assertThat(link(ines, inesCsrf, "ines", "B3", "https://drive.example.org/suivi")
                        .statusCode())
                .isEqualTo(201);
        // Nowhere else: not B1, not a criterion of B3, not another learner's file.
        long before = count("evidence");
        assertThat(upload(ines, inesCsrf, "ines", "B1", null, "a.pdf", "application/pdf", PDF)
                        .statusCode())
                .isEqualTo(403);
        assertThat(upload(ines, inesCsrf, "ines", "B3", "C7.1", "a.pdf", "application/pdf", PDF)
                        .statusCode())
                .isEqualTo(403);
        assertThat(upload(ines, inesCsrf, "hugo", "B3", null, "a.pdf", "application/pdf", PDF)
                        .statusCode())
                .isEqualTo(403);
        // Withdraws only what they attached.
        assertThat(ines.send("DELETE", "/api/v1/learners/ines/evidence/" + trainerItem, (String) null, inesCsrf)
                        .statusCode())
                .isEqualTo(403);
        assertThat(count("evidence")).isEqualTo(before);

        // The learner sees their whole file, the trainer's items included.
        JsonNode own = Json.read(ines.get("/api/v1/learners/ines/evidence").body());
        assertThat(own).hasSize(3);
        assertThat(ines.getBytes("/api/v1/learners/ines/evidence/" + trainerItem + "/content")
                        .body())
                .isEqualTo(PDF);

        // Another learner of the course never sees it: not the list, not a file, not the grid panel.
        LtiClient hugo = course.learner("hugo");
        assertThat(hugo.get("/api/v1/learners/ines/evidence").statusCode()).isEqualTo(403);
        assertThat(hugo.getBytes("/api/v1/learners/ines/evidence/" + inesItem + "/content")
                        .statusCode())
                .isEqualTo(403);
        assertThat(hugo.getBytes("/api/v1/learners/hugo/evidence/" + inesItem + "/content")
                        .statusCode())
                .isEqualTo(404);
        assertThat(Json.read(hugo.get("/api/v1/learners/hugo/evidence").body())).isEmpty();
        // A trainer of another course: not found.
        AgsCourse other = new AgsCourse(this, LMS, registry, "zoe");
        assertThat(other.trainer.get("/api/v1/learners/ines/evidence").statusCode())
                .isEqualTo(404);
        assertThat(other.trainer
                        .getBytes("/api/v1/learners/ines/evidence/" + inesItem + "/content")
                        .statusCode())
                .isEqualTo(404);

        assertThat(ines.send("DELETE", "/api/v1/learners/ines/evidence/" + inesItem, (String) null, inesCsrf)
                        .statusCode())
                .isEqualTo(200);
        assertThat(jdbc.sql("select string_agg(action || ':' || actor_as || ':' || actor_sub, ',' order by id)"
                                + " from evidence_audit where evidence_id = :id")
                        .param("id", inesItem)
                        .query(String.class)
                        .single())
                .isEqualTo("ADDED:LEARNER:ines,WITHDRAWN:LEARNER:ines");
    }

    @Test
    void theGridPanelListsAndRefusesWithTheReasonAndTheLivretListsTheEvidence() throws IOException {
        AgsCourse course = new AgsCourse(this, LMS, registry, "lea", "max");
        assertThat(course.trainer.get("/app/learners/lea").body()).contains("/app/learners/lea/evidence/B3");
        Map<String, String> csrf = new HashMap<>(course.trainerHeaders);
        csrf.remove("Content-Type");
        csrf.put("HX-Request", "true");
        csrf.put("Accept", "text/html");

        // Through the panel's form: a file under a criterion, then refusals shown in the panel.
        Map<String, String> headers = new HashMap<>(csrf);
        byte[] body = LtiClient.multipart(
                Map.of("criterionCode", "C7.3"), "Compte rendu <b>.pdf", "application/pdf", PDF, headers);
        var added = course.trainer.send("POST", "/app/learners/lea/evidence/B3/files", body, headers);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(added.body())
                .contains("« Compte rendu &lt;b&gt;.pdf » ajouté.")
                .contains("C7.3")
                .contains("/api/v1/learners/lea/evidence/")
                .doesNotContain("<b>");

        headers = new HashMap<>(csrf);
        body = LtiClient.multipart(Map.of(), "page.pdf", "application/pdf", "<html>".getBytes(), headers);
        var wrongType = course.trainer.send("POST", "/app/learners/lea/evidence/B3/files", body, headers);
        assertThat(wrongType.statusCode()).isEqualTo(415);
        assertThat(wrongType.body()).contains("role=\"alert\"").contains("son contenu est lu, pas son nom");

        headers = new HashMap<>(csrf);
        body = LtiClient.multipart(Map.of(), "big.pdf", "application/pdf", Arrays.copyOf(PDF, 100_000), headers);
        var tooLarge = course.trainer.send("POST", "/app/learners/lea/evidence/B3/files", body, headers);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("dépasse la limite");

        Map<String, String> form = new HashMap<>(csrf);
        form.put("Content-Type", "application/x-www-form-urlencoded");
        var badLink = course.trainer.send(
                "POST",
                "/app/learners/lea/evidence/B3/links",
                LtiClient.form(Map.of("url", "javascript:alert(1)", "title", "Mon tableau")),
                form);
        assertThat(badLink.statusCode()).isEqualTo(400);
        assertThat(badLink.body())
                .contains("un lien commence par http:// ou https://")
                .contains("value=\"javascript:alert(1)\"")
                .contains("value=\"Mon tableau\"")
                .doesNotContain("href=\"javascript");
        var goodLink = course.trainer.send(
                "POST",
                "/app/learners/lea/evidence/B3/links",
                LtiClient.form(Map.of("url", "https://drive.example.org/tableau", "title", "Tableau de bord")),
                form);
        assertThat(goodLink.statusCode()).isEqualTo(200);
        assertThat(goodLink.body())
                .contains("href=\"https://drive.example.org/tableau\"")
                .contains("noopener");

        // The other learner: refused, and the page says nothing of lea's file.
        var other = course.learner("max").get("/app/learners/lea/evidence/B3");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).doesNotContain("Compte rendu").doesNotContain("Tableau de bord");
        // The learner concerned sees it, and may attach on B3 only.
        LtiClient lea = course.learner("lea");
        String own = lea.get("/app/learners/lea/evidence/B3").body();
        assertThat(own)
                .contains("Compte rendu &lt;b&gt;.pdf")
                .contains("Joindre le fichier")
                .doesNotContain("Retirer");
        assertThat(lea.get("/app/learners/lea/evidence/B1").body()).doesNotContain("Joindre le fichier");

        // The livret lists them: name, type, size, date, who.
        var issued = course.trainer.send(
                "POST", "/api/v1/learners/lea/documents", "{\"kind\": \"LIVRET\"}", course.trainerHeaders);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String number = Json.read(issued.body()).at("/document/number").asText();
        byte[] pdf =
                course.trainer.getBytes("/api/v1/documents/" + number + "/pdf").body();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("Preuves")
                    .contains("C7.3 Compte rendu <b>.pdf PDF")
                    .contains("Tableau de bord — https://drive.example")
                    .contains("URL — ");
        }
    }
}
