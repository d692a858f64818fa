package fr.cqpi.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import fr.cqpi.support.AgsCourse;
import fr.cqpi.support.LtiClient;
import fr.cqpi.support.ToolIntegrationTest;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The documents through real HTTP on the embedded PostgreSQL: each PDF read back with PDFBox (text, embedded fonts,
 * the QR code decoded), numbers, stored bytes, the public verification page, and who may issue and download what.
 */
class DocumentsTest extends ToolIntegrationTest {

    static final String MEMBERS = """
            [{"name": "Claire Martin", "college": "EMPLOYEURS", "role": "PRESIDENT"},
             {"name": "Paul Durand", "college": "SALARIES", "role": "REPRESENTANT_SALARIES"},
             {"name": "Nadia Benali", "college": "EMPLOYEURS", "role": "REPRESENTANT_EMPLOYEURS"},
             {"name": "Luc Moreau", "college": "AUCUN", "role": "RAPPORTEUR"}]""";

    /** Where the PDFs of a run are written, to look at them (pdftoppm). */
    static final Path OUT = Path.of("target", "documents");

    HttpResponse<String> post(AgsCourse course, String path, String body) {
        return course.trainer.send("POST", path, body, course.trainerHeaders);
    }

    long session(AgsCourse course, String... candidates) {
        var created = post(
                course,
                "/api/v1/jury-sessions",
                "{\"heldOn\": \"2026-12-01\", \"place\": \"Lyon, OPCO\", \"members\": " + MEMBERS
                        + ", \"candidates\": [\"" + String.join("\",\"", candidates) + "\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return AgsCourse.json(created.body()).get("id").asLong();
    }

    void decide(AgsCourse course, long session, String learner, String bloc, String outcome, String preconisations) {
        var decided = post(
                course,
                "/api/v1/jury-sessions/" + session + "/decisions",
                "{\"learnerId\": \"" + learner + "\", \"blocCode\": \"" + bloc + "\", \"outcome\": \"" + outcome
                        + "\", \"votesFor\": 3, \"votesAgainst\": 0, \"votesAbstention\": 0, \"reason\": \"Motif "
                        + bloc + "\""
                        + (preconisations == null ? "" : ", \"preconisations\": \"" + preconisations + "\"")
                        + "}");
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(201);
    }

    JsonNode issue(AgsCourse course, String learner, String kind) {
        var issued = post(course, "/api/v1/learners/" + learner + "/documents", "{\"kind\": \"" + kind + "\"}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return AgsCourse.json(issued.body());
    }

    static byte[] download(LtiClient client, String number) {
        HttpResponse<byte[]> pdf = client.getBytes("/api/v1/documents/" + number + "/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        return pdf.body();
    }

    static String text(byte[] pdf, String name) throws IOException {
        Files.createDirectories(OUT);
        Files.write(OUT.resolve(name + ".pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                assertThat(page.getMediaBox().getWidth() + page.getMediaBox().getHeight())
                        .as("A4")
                        .isBetween(595f + 841f, 596f + 843f);
                PDResources resources = page.getResources();
                for (COSName font : resources.getFontNames()) {
                    PDFont f = resources.getFont(font);
                    assertThat(f.isEmbedded()).as(f.getName()).isTrue();
                    assertThat(f.getName()).contains("DejaVu");
                }
            }
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    /** The QR code on the first page, decoded. */
    static String qrCode(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDResources resources = document.getPage(0).getResources();
            for (COSName name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDImageXObject image) {
                    BufferedImage img = image.getImage();
                    int[] pixels = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
                    var bitmap = new BinaryBitmap(
                            new HybridBinarizer(new RGBLuminanceSource(img.getWidth(), img.getHeight(), pixels)));
                    // The embedded image is the QR code alone: decode it as such (the detector for photographed
                    // codes misses some patterns of a random token).
                    return new QRCodeReader()
                            .decode(
                                    bitmap,
                                    java.util.Map.of(
                                            com.google.zxing.DecodeHintType.PURE_BARCODE,
                                            Boolean.TRUE,
                                            com.google.zxing.DecodeHintType.TRY_HARDER,
                                            Boolean.TRUE))
                            .getText();
                }
            }
        }
        throw new AssertionError("no image on the first page");
    }

    @Test
    void aCandidatesDocumentsStateTheirFileAndAreVerifiable() throws Exception {
        AgsCourse course = new AgsCourse(this, LMS, registry, "ines", "omar");
        course.judge("ines", "C1.1", "ACQUIS");
        var commented = course.trainer.send(
                "PUT",
                "/api/v1/learners/ines/judgments/C1.2",
                "{\"status\":\"EN_COURS\",\"modality\":\"OBSERVATION\",\"comment\":\"Classement à revoir\"}",
                course.trainerHeaders);
        assertThat(commented.statusCode()).as(commented.body()).isIn(200, 400);
        long session = session(course, "ines", "omar");
        decide(course, session, "ines", "B1", "VALIDE", null);
        decide(course, session, "ines", "B2", "NON_VALIDE", "Reprendre la planification des réunions");

        // Livret: every criterion with its judgment, the bloc's evaluation, proposition and decision, signatures.
        JsonNode livret = issue(course, "ines", "LIVRET");
        String livretNumber = livret.at("/document/number").asText();
        assertThat(livretNumber).matches("CQPI-20\\d\\d-\\d{6}");
        String livretUrl = livret.at("/document/verificationUrl").asText();
        assertThat(livretUrl).startsWith("http://localhost:" + port + "/verify/" + livretNumber + "-");
        assertThat(livret.get("earlier")).isEmpty();
        byte[] livretPdf = download(course.trainer, livretNumber);
        String livretText = text(livretPdf, "livret");
        assertThat(livretText)
                .contains("Livret d'évaluation")
                .contains("Prénom ines")
                .contains("CQPI Assistant(e)")
                .contains(livretNumber)
                .contains(livretUrl)
                .contains("C1.1")
                .contains("Acquis")
                .contains("C9.11")
                .contains("Non évalué")
                .contains("validé (jury du 1 décembre 2026)")
                .contains("non validé")
                .contains("Reprendre la planification des réunions")
                .contains("Le ou la candidat(e)")
                .contains("Le tuteur ou la tutrice")
                .contains("L'évaluateur ou l'évaluatrice");
        assertThat(qrCode(livretPdf)).isEqualTo(livretUrl);

        // Re-download: the stored bytes. Issuing again: a new number, and it says which came before.
        assertThat(download(course.trainer, livretNumber)).isEqualTo(livretPdf);
        JsonNode again = issue(course, "ines", "LIVRET");
        assertThat(again.at("/document/number").asText()).isNotEqualTo(livretNumber);
        assertThat(again.get("earlier").get(0).asText()).isEqualTo(livretNumber);
        assertThat(again.get("note").asText()).contains("new document").contains(livretNumber);
        assertThat(download(course.trainer, livretNumber)).isEqualTo(livretPdf);

        // Certificate refused until the four blocs are VALIDE; attestation of B1 with the jury's recommendations.
        var refused = post(course, "/api/v1/learners/ines/documents", "{\"kind\": \"CERTIFICAT\"}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(AgsCourse.json(refused.body()).get("title").asText()).isEqualTo("blocs_not_all_validated");
        assertThat(AgsCourse.json(refused.body()).get("detail").asText()).contains("B2, B3, B4");
        var nothing = post(course, "/api/v1/learners/omar/documents", "{\"kind\": \"ATTESTATION\"}");
        assertThat(nothing.statusCode()).isEqualTo(409);
        assertThat(AgsCourse.json(nothing.body()).get("title").asText()).isEqualTo("no_bloc_validated");

        JsonNode attestation = issue(course, "ines", "ATTESTATION");
        String attestationNumber = attestation.at("/document/number").asText();
        String attestationUrl = attestation.at("/document/verificationUrl").asText();
        byte[] attestationPdf = download(course.trainer, attestationNumber);
        assertThat(text(attestationPdf, "attestation"))
                .contains("Attestation de blocs de compétences")
                .contains("Prénom ines")
                .contains("Suivi, coordination des informations et production de documents professionnels")
                .contains("validé par le jury du 1 décembre 2026")
                .contains("non validé par le jury du 1 décembre 2026")
                .contains("Reprendre la planification des réunions")
                .contains("pas encore présenté au jury")
                .contains(attestationNumber)
                .contains(attestationUrl);
        assertThat(qrCode(attestationPdf)).isEqualTo(attestationUrl);

        // The public verification page: no login, exactly what was issued, 404 on a wrong token or number.
        LtiClient anyone = browser();
        String page = anyone.get(attestationUrl.substring(attestationUrl.indexOf("/verify/")))
                .body();
        // What the page states is in <main>; its head carries a random CSRF token that may hold any letters.
        String stated = page.substring(page.indexOf("<main"), page.indexOf("</main>"));
        assertThat(stated)
                .contains(attestationNumber)
                .contains("Prénom ines")
                .contains("Attestation de blocs de compétences")
                .contains("CQPI Assistant(e)")
                .contains("B1")
                .contains("01/12/2026")
                .doesNotContain("B2")
                .doesNotContain("Reprendre la planification")
                .doesNotContain("omar")
                .doesNotContain("@");
        assertThat(page.substring(0, page.indexOf("<main")))
                .doesNotContain("Reprendre la planification")
                .doesNotContain("@");
        String token = attestationUrl.substring(attestationUrl.lastIndexOf('-') + 1);
        String wrong = (token.charAt(0) == 'a' ? "b" : "a") + token.substring(1);
        var wrongToken = anyone.get("/verify/" + attestationNumber + "-" + wrong);
        assertThat(wrongToken.statusCode()).isEqualTo(404);
        assertThat(wrongToken.body()).doesNotContain("Prénom ines");
        assertThat(anyone.get("/verify/" + attestationNumber).statusCode()).isEqualTo(404);
        assertThat(anyone.get("/verify/CQPI-2026-999999-" + token).statusCode()).isEqualTo(404);
        assertThat(anyone.getBytes("/api/v1/documents/" + attestationNumber + "/pdf")
                        .statusCode())
                .isNotEqualTo(200);

        // The learner: their own documents, never another's; no issuing.
        LtiClient ines = course.learner("ines");
        assertThat(download(ines, attestationNumber)).isEqualTo(attestationPdf);
        assertThat(AgsCourse.json(ines.get("/api/v1/learners/ines/documents").body()))
                .hasSize(3);
        LtiClient omar = course.learner("omar");
        assertThat(omar.getBytes("/api/v1/documents/" + attestationNumber + "/pdf")
                        .statusCode())
                .isEqualTo(403);
        assertThat(omar.get("/api/v1/learners/ines/documents").statusCode()).isEqualTo(403);
        var omarHeaders =
                new java.util.HashMap<>(omar.csrfHeaders(omar.get("/app").body()));
        omarHeaders.put("Content-Type", "application/json");
        assertThat(omar.send("POST", "/api/v1/learners/omar/documents", "{\"kind\": \"LIVRET\"}", omarHeaders)
                        .statusCode())
                .isEqualTo(403);

        // The four blocs validated: the certificate.
        decide(course, session, "ines", "B2", "VALIDE", null);
        decide(course, session, "ines", "B3", "VALIDE", null);
        decide(course, session, "ines", "B4", "VALIDE", null);
        JsonNode certificate = issue(course, "ines", "CERTIFICAT");
        String certificateNumber = certificate.at("/document/number").asText();
        String certificateUrl = certificate.at("/document/verificationUrl").asText();
        byte[] certificatePdf = download(ines, certificateNumber);
        assertThat(text(certificatePdf, "certificat"))
                .contains("Certificat de Qualification Professionnelle Interbranches")
                .contains("CQPI Assistant(e)")
                .contains("Prénom ines")
                .contains("B1")
                .contains("B2")
                .contains("B3")
                .contains("Communication avec différents interlocuteurs")
                .contains(certificateNumber)
                .contains(certificateUrl);
        assertThat(qrCode(certificatePdf)).isEqualTo(certificateUrl);
        String verified = anyone.get(certificateUrl.substring(certificateUrl.indexOf("/verify/")))
                .body();
        assertThat(verified).contains("Certificat").contains("B4").contains(certificateNumber);

        // Numbers are unique; the pages link the documents.
        List<String> numbers = new ArrayList<>();
        for (JsonNode d : AgsCourse.json(
                course.trainer.get("/api/v1/learners/ines/documents").body())) {
            numbers.add(d.get("number").asText());
        }
        assertThat(numbers).hasSize(4).doesNotHaveDuplicates();
        String panel = course.trainer.get("/app/learners/ines/documents").body();
        assertThat(panel).contains(certificateNumber).contains("/api/v1/documents/" + certificateNumber + "/pdf");
        assertThat(ines.get("/app/learners/ines/documents").body()).contains(certificateNumber);
        assertThat(course.trainer.get("/app/learners/ines").body()).contains("/app/learners/ines/documents");
    }

    @Test
    void anEnglishLaunchIssuesItsDocumentsInEnglishAndTheVerificationPageFollowsTheBrowser() throws Exception {
        AgsCourse course = new AgsCourse(this, LMS, registry, "ines");
        course.judge("ines", "C1.1", "ACQUIS");
        long session = session(course, "ines");
        decide(course, session, "ines", "B1", "VALIDE", null);
        LtiClient english = browser();
        english.launch(course.platform, "trainer-en", n -> {
            Map<String, Object> claims =
                    course.platform.moodleLaunch("trainer-en", fr.cqpi.support.TestPlatform.INSTRUCTOR, n, "course");
            claims.put(
                    fr.cqpi.support.TestPlatform.LTI + "launch_presentation",
                    Map.of("locale", "en-GB", "document_target", "iframe"));
            return claims;
        });
        Map<String, String> headers =
                new java.util.HashMap<>(english.csrfHeaders(english.get("/app").body()));
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json");

        var issued = english.send("POST", "/api/v1/learners/ines/documents", "{\"kind\": \"ATTESTATION\"}", headers);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String number = AgsCourse.json(issued.body()).at("/document/number").asText();
        assertThat(text(download(english, number), "attestation-en"))
                .contains("Certificate of competence blocks")
                .contains("validated by the jury of")
                .contains("not yet presented to the jury")
                .doesNotContain("validé par le jury", "pas encore présenté");
        var livret = english.send("POST", "/api/v1/learners/ines/documents", "{\"kind\": \"LIVRET\"}", headers);
        assertThat(livret.statusCode()).isEqualTo(201);
        assertThat(text(
                        download(
                                english,
                                AgsCourse.json(livret.body())
                                        .at("/document/number")
                                        .asText()),
                        "livret-en"))
                .contains("Evaluation record")
                .doesNotContain("Livret d'évaluation");
    }

    @Test
    void theProcesVerbalOfASessionStatesItsMembersAndDecisions() throws Exception {
        AgsCourse course = new AgsCourse(this, LMS, registry, "lea", "noah");
        long session = session(course, "lea", "noah");
        decide(course, session, "lea", "B4", "VALIDE", null);
        decide(course, session, "noah", "B4", "NON_VALIDE", "Préparer un support de présentation");
        var issued = post(course, "/api/v1/jury-sessions/" + session + "/documents", null);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        JsonNode body = AgsCourse.json(issued.body());
        String number = body.at("/document/number").asText();
        String url = body.at("/document/verificationUrl").asText();
        byte[] pdf = download(course.trainer, number);
        assertThat(text(pdf, "proces-verbal"))
                .contains("Procès-verbal du jury")
                .contains("Session du 1 décembre 2026 — Lyon, OPCO")
                .contains("Claire Martin")
                .contains("président(e)")
                .contains("collège salariés")
                .contains("rapporteur (ne vote pas)")
                .contains("Prénom lea")
                .contains("Prénom noah")
                .contains("Motif B4")
                .contains("3 / 0 / 0")
                .contains("Préparer un support de présentation")
                .contains(number)
                .contains(url);
        assertThat(qrCode(pdf)).isEqualTo(url);
        assertThat(AgsCourse.json(course.trainer
                                .get("/api/v1/jury-sessions/" + session + "/documents")
                                .body())
                        .get(0)
                        .get("number")
                        .asText())
                .isEqualTo(number);
        String page = browser().get(url.substring(url.indexOf("/verify/"))).body();
        assertThat(page).contains(number).contains("Lyon, OPCO").doesNotContain("Prénom lea");
        // A learner never downloads the procès-verbal, even of a session they were presented to.
        assertThat(course.learner("lea")
                        .getBytes("/api/v1/documents/" + number + "/pdf")
                        .statusCode())
                .isEqualTo(403);
        assertThat(course.trainer.get("/app/jury/" + session + "/documents").body())
                .contains(number);
    }

    @Test
    void badRequestsAreProblemDocuments() {
        AgsCourse course = new AgsCourse(this, LMS, registry, "zoe");
        var unknownKind = post(course, "/api/v1/learners/zoe/documents", "{\"kind\": \"DIPLOME\"}");
        assertThat(unknownKind.statusCode()).isEqualTo(400);
        assertThat(AgsCourse.json(unknownKind.body()).get("field").asText()).isEqualTo("kind");
        var minutes = post(course, "/api/v1/learners/zoe/documents", "{\"kind\": \"PROCES_VERBAL\"}");
        assertThat(minutes.statusCode()).isEqualTo(400);
        assertThat(post(course, "/api/v1/learners/ghost/documents", "{\"kind\": \"LIVRET\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(course.trainer
                        .getBytes("/api/v1/documents/CQPI-2026-000000/pdf")
                        .statusCode())
                .isEqualTo(404);
        var noCsrf = course.trainer.send(
                "POST",
                "/api/v1/learners/zoe/documents",
                "{\"kind\": \"LIVRET\"}",
                java.util.Map.of("Content-Type", "application/json"));
        assertThat(noCsrf.statusCode()).isEqualTo(403);
    }
}
