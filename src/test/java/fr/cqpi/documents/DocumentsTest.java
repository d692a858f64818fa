package fr.cqpi.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import fr.cqpi.support.AgsCourse;
import fr.cqpi.support.Json;
import fr.cqpi.support.LtiClient;
import fr.cqpi.support.ToolIntegrationTest;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

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

    /** The training organisation application-test.properties names (cqpi.documents.issuer). */
    static final String ISSUER = "Centre de formation Papier-Carton (essai)";

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
        return Json.read(created.body()).get("id").asLong();
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
        return Json.read(issued.body());
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
                                    Map.of(
                                            DecodeHintType.PURE_BARCODE,
                                            Boolean.TRUE,
                                            DecodeHintType.TRY_HARDER,
                                            Boolean.TRUE))
                            .getText();
                }
            }
        }
        throw new AssertionError("no image on the first page");
    }

    /** The public URLs of the learner's credentials in force, by bloc code or CERTIFICATE (the credentials API). */
    static Map<String, String> credentialUrls(AgsCourse course, String learner) {
        var listed = course.trainer.get("/api/v1/learners/" + learner + "/credentials");
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        Map<String, String> urls = new HashMap<>();
        for (JsonNode c : Json.read(listed.body())) {
            if (c.get("status").asText().equals("VALID")) {
                urls.put(
                        c.get("blocCode").asText(),
                        Json.read(c.get("json").asText()).get("id").asText());
            }
        }
        return urls;
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
                .contains("Candidat(e)")
                .contains("Tuteur ou tutrice entreprise")
                .contains("Évaluateur ou évaluatrice")
                .doesNotContain("Le ou la");
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
        assertThat(Json.read(refused.body()).get("title").asText()).isEqualTo("blocs_not_all_validated");
        assertThat(Json.read(refused.body()).get("detail").asText()).contains("B2, B3, B4");
        var nothing = post(course, "/api/v1/learners/omar/documents", "{\"kind\": \"ATTESTATION\"}");
        assertThat(nothing.statusCode()).isEqualTo(409);
        assertThat(Json.read(nothing.body()).get("title").asText()).isEqualTo("no_bloc_validated");

        JsonNode attestation = issue(course, "ines", "ATTESTATION");
        String attestationNumber = attestation.at("/document/number").asText();
        String attestationUrl = attestation.at("/document/verificationUrl").asText();
        byte[] attestationPdf = download(course.trainer, attestationNumber);
        assertThat(text(attestationPdf, "attestation"))
                .contains("Attestation de blocs de compétences")
                .contains(attestationNumber + " — délivrée le ")
                .contains("Organisme de formation : " + ISSUER)
                .contains("Président(e) du jury")
                .contains("Prénom ines")
                .contains("Suivi, coordination des informations et production de documents professionnels")
                .contains("validé par le jury du 1 décembre 2026")
                .contains("non validé par le jury du 1 décembre 2026")
                .contains("Reprendre la planification des réunions")
                .contains("pas encore présenté au jury")
                .contains(attestationNumber)
                .contains(attestationUrl);
        // The validated bloc's verifiable credential: its public verification URL is printed.
        String b1Credential = credentialUrls(course, "ines").get("B1");
        assertThat(b1Credential).startsWith("http://localhost:" + port + "/credentials/");
        assertThat(text(attestationPdf, "attestation").replace(" ", "")).contains(b1Credential);
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
                .contains("jury du 1 décembre 2026")
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
        assertThat(Json.read(ines.get("/api/v1/learners/ines/documents").body()))
                .hasSize(3);
        LtiClient omar = course.learner("omar");
        assertThat(omar.getBytes("/api/v1/documents/" + attestationNumber + "/pdf")
                        .statusCode())
                .isEqualTo(403);
        assertThat(omar.get("/api/v1/learners/ines/documents").statusCode()).isEqualTo(403);
        var omarHeaders = new HashMap<>(omar.csrfHeaders(omar.get("/app").body()));
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
        // The CLR certificate credential and the four bloc credentials: their verification URLs are printed.
        Map<String, String> credentialUrls = credentialUrls(course, "ines");
        assertThat(credentialUrls).containsKeys("B1", "B2", "B3", "B4", "CERTIFICATE");
        String certificateText = text(certificatePdf, "certificat").replace(" ", "");
        credentialUrls.values().forEach(url -> assertThat(certificateText).contains(url));
        assertThat(anyone.get(
                                credentialUrls.get("CERTIFICATE").substring(("http://localhost:" + port).length()),
                                Map.of("Accept", "application/ld+json"))
                        .body())
                .contains("ClrCredential");
        // A document already issued stays as issued.
        assertThat(download(course.trainer, attestationNumber)).isEqualTo(attestationPdf);
        String verified = anyone.get(certificateUrl.substring(certificateUrl.indexOf("/verify/")))
                .body();
        assertThat(verified).contains("Certificat").contains("B4").contains(certificateNumber);

        // Numbers are unique; the pages link the documents.
        List<String> numbers = new ArrayList<>();
        for (JsonNode d :
                Json.read(course.trainer.get("/api/v1/learners/ines/documents").body())) {
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
        LtiClient english = course.englishTrainer();
        Map<String, String> headers = AgsCourse.headers(english, "application/json");
        headers.put("Accept", "application/json");

        var issued = english.send("POST", "/api/v1/learners/ines/documents", "{\"kind\": \"ATTESTATION\"}", headers);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String number = Json.read(issued.body()).at("/document/number").asText();
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
                                Json.read(livret.body()).at("/document/number").asText()),
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
        JsonNode body = Json.read(issued.body());
        String number = body.at("/document/number").asText();
        String url = body.at("/document/verificationUrl").asText();
        byte[] pdf = download(course.trainer, number);
        assertThat(text(pdf, "proces-verbal"))
                .contains("Procès-verbal du jury")
                .contains("Session du 1 décembre 2026 — Lyon, OPCO")
                .contains("Claire Martin")
                .contains("Président(e) du jury")
                .contains("Collège salariés")
                .contains("Rapporteur(e), sans droit de vote")
                .contains("Hors collège")
                .contains("Lieu de la session : Lyon, OPCO Fait le 1 décembre 2026.")
                .doesNotContain("Fait à")
                .contains("Prénom lea")
                .contains("Prénom noah")
                .contains("Motif B4")
                .contains("3 / 0 / 0")
                .contains("Préparer un support de présentation")
                .contains(number)
                .contains(url);
        assertThat(qrCode(pdf)).isEqualTo(url);
        assertThat(Json.read(course.trainer
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
        assertThat(Json.read(unknownKind.body()).get("field").asText()).isEqualTo("kind");
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
                Map.of("Content-Type", "application/json"));
        assertThat(noCsrf.statusCode()).isEqualTo(403);
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Paris"));
    }

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    long session(AgsCourse course, LocalDate heldOn, String... candidates) {
        var created = post(
                course,
                "/api/v1/jury-sessions",
                "{\"heldOn\": \"" + heldOn + "\", \"place\": \"Lyon, OPCO\", \"members\": " + MEMBERS
                        + ", \"candidates\": [\"" + String.join("\",\"", candidates) + "\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Json.read(created.body()).get("id").asLong();
    }

    HttpResponse<String> issueRefused(AgsCourse course, String learner, String kind, String reason) {
        var refused = post(course, "/api/v1/learners/" + learner + "/documents", "{\"kind\": \"" + kind + "\"}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(Json.read(refused.body()).get("title").asText()).isEqualTo(reason);
        return refused;
    }

    @Test
    void noAttestationNorCertificateWhileARecoursCouldChangeItTheLivretSaysItIsPending() throws Exception {
        AgsCourse course = new AgsCourse(this, LMS, registry, "rose");
        long session = session(course, LocalDate.parse("2026-12-01"), "rose");
        for (String bloc : List.of("B1", "B2", "B3", "B4")) {
            decide(course, session, "rose", bloc, "VALIDE", null);
        }
        var recours = post(
                course,
                "/api/v1/learners/rose/recours",
                "{\"blocCode\": \"B2\", \"filedOn\": \"2026-12-02\", \"grounds\": \"Composition du jury\"}");
        assertThat(recours.statusCode()).as(recours.body()).isEqualTo(201);
        long documents = jdbc.sql("select count(*) from issued_document")
                .query(Long.class)
                .single();
        assertThat(Json.read(issueRefused(course, "rose", "CERTIFICAT", "recours_pending")
                                .body())
                        .get("detail")
                        .asText())
                .contains("B2");
        issueRefused(course, "rose", "ATTESTATION", "recours_pending");
        assertThat(jdbc.sql("select count(*) from issued_document")
                        .query(Long.class)
                        .single())
                .isEqualTo(documents);

        // The panel says why, in French, and offers the livret only; the livret shows the recours pending.
        Document panel =
                Jsoup.parse(course.trainer.get("/app/learners/rose/documents").body());
        assertThat(panel.select("button[disabled]").eachAttr("value")).containsExactly("ATTESTATION", "CERTIFICAT");
        assertThat(panel.select(".documents-unavailable li").eachText())
                .containsExactly(
                        "Attestation de blocs de compétences : Un recours est en attente sur le bloc B2 : sa décision"
                                + " pourrait changer ce document. Délivrez-le une fois le recours décidé par le jury.",
                        "Certificat : Un recours est en attente sur le bloc B2 : sa décision pourrait changer ce"
                                + " document. Délivrez-le une fois le recours décidé par le jury.");
        assertThat(panel.select("button[value=CERTIFICAT]").attr("aria-describedby"))
                .isEqualTo("why-rose-CERTIFICAT");
        JsonNode livret = issue(course, "rose", "LIVRET");
        assertThat(text(download(course.trainer, livret.at("/document/number").asText()), "livret-recours"))
                .contains("Recours déposé le 2 décembre 2026, en attente de décision");

        // Decided by a later session: the certificate is issued.
        long later = session(course, LocalDate.parse("2026-12-03"), "rose");
        var decided = post(
                course,
                "/api/v1/jury-sessions/" + later + "/decisions",
                "{\"learnerId\": \"rose\", \"blocCode\": \"B2\", \"outcome\": \"VALIDE\", \"votesFor\": 3,"
                        + " \"votesAgainst\": 0, \"votesAbstention\": 0, \"reason\": \"Recours examiné\","
                        + " \"recoursId\": "
                        + Json.read(recours.body()).get("id").asLong() + "}");
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(201);
        issue(course, "rose", "CERTIFICAT");
    }

    @Test
    void noDocumentIsIssuedBeforeTheDecisionItStatesAndThePanelsSayWhyInTheLaunchsLanguage() {
        AgsCourse course = new AgsCourse(this, LMS, registry, "paul", "lou");
        LocalDate ahead = today().plusDays(8);
        long planned = session(course, ahead, "paul");
        // A decision recorded in it before the date rule: kept, but no document states it before its date.
        jdbc.sql("""
                        insert into jury_decision (session_id, course_id, learner_id, referentiel_code, bloc_code,
                            outcome, votes_for, votes_against, votes_abstention, reason, decided_by_sub)
                        select s.id, s.course_id, c.learner_id, 'cqpi-assistant', 'B1', 'VALIDE', 3, 0, 0,
                            'Enregistrée avant la règle', 'trainer'
                        from jury_session s join jury_candidate c on c.session_id = s.id where s.id = :session""").param("session", planned).update();
        assertThat(Json.read(issueRefused(course, "paul", "ATTESTATION", "decision_after_issue")
                                .body())
                        .get("detail")
                        .asText())
                .contains("B1")
                .contains(ahead.toString());
        issueRefused(course, "paul", "LIVRET", "decision_after_issue");
        var minutes = post(course, "/api/v1/jury-sessions/" + planned + "/documents", null);
        assertThat(minutes.statusCode()).isEqualTo(409);
        assertThat(Json.read(minutes.body()).get("title").asText()).isEqualTo("session_not_held_yet");

        // The pages: every button that cannot issue is disabled with the reason from the bundles, never English.
        Document panel =
                Jsoup.parse(course.trainer.get("/app/learners/paul/documents").body());
        assertThat(panel.select("button[disabled]").eachAttr("value"))
                .containsExactly("LIVRET", "ATTESTATION", "CERTIFICAT");
        assertThat(panel.select(".documents-unavailable").text())
                .contains("Ce document ne peut pas être délivré avant la décision qu'il atteste : le bloc B1 est"
                        + " décidé par le jury du " + ahead.format(DAY) + ".")
                .contains("Le certificat n'est délivré que lorsque le jury a validé les 4 blocs ; pas encore"
                        + " validé(s) : B2, B3, B4.")
                .doesNotContain("the certificate", "nothing to attest", "Refusé");
        Map<String, String> form = AgsCourse.headers(course.trainer, "application/x-www-form-urlencoded");
        form.put("HX-Request", "true");
        var refused = course.trainer.send("POST", "/app/learners/paul/documents", "kind=ATTESTATION", form);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(refused.body()).select("[role=alert]").text())
                .startsWith("Ce document ne peut pas être délivré avant la décision")
                .doesNotContain("cannot be issued");
        assertThat(Jsoup.parse(course.trainer.get("/app/learners/lou/documents").body())
                        .select(".documents-unavailable")
                        .text())
                .contains("Aucun bloc de ce candidat n'est encore validé par un jury : il n'y a rien à attester.");
        Document minutesPanel = Jsoup.parse(
                course.trainer.get("/app/jury/" + planned + "/documents").body());
        assertThat(minutesPanel.select("button[type=submit]").hasAttr("disabled"))
                .isTrue();
        assertThat(minutesPanel.select(".documents-unavailable").text())
                .isEqualTo("Le procès-verbal ne peut pas être délivré avant la session du jury du " + ahead.format(DAY)
                        + ".");

        LtiClient english = course.englishTrainer();
        assertThat(english.get("/app/learners/lou/documents").body())
                .contains("No bloc of this candidate is validated by a jury yet: there is nothing to attest.")
                .contains("The certificate is issued only once the jury has validated all 4 blocs")
                .doesNotContain("Aucun bloc");
        Map<String, String> englishForm = AgsCourse.headers(english, "application/x-www-form-urlencoded");
        var englishRefused = english.send("POST", "/app/learners/paul/documents", "kind=CERTIFICAT", englishForm);
        assertThat(englishRefused.statusCode()).isEqualTo(409);
        assertThat(englishRefused.body()).contains("The certificate is issued only once the jury has validated");
    }

    @Test
    void theVerificationPageSaysFirstWhetherTheDocumentIsValidAndNamesWhoIssuedIt() {
        AgsCourse course = new AgsCourse(this, LMS, registry, "eve");
        decide(course, session(course, LocalDate.parse("2026-12-01"), "eve"), "eve", "B3", "VALIDE", null);
        String url = issue(course, "eve", "ATTESTATION")
                .at("/document/verificationUrl")
                .asText();
        String path = url.substring(url.indexOf("/verify/"));

        Document page = Jsoup.parse(browser().get(path).body());
        assertThat(page.select("link[rel=stylesheet]").attr("href")).matches("/css/app.*\\.css");
        // The status first, then the holder as issued, the certification, who issued it, the blocs and dates.
        Element main = page.selectFirst("main");
        assertThat(main.child(0).id()).isEqualTo("verify-status");
        assertThat(main.child(0).hasClass("valid")).isTrue();
        assertThat(main.child(0).select("h1").text()).isEqualTo("Document authentique");
        assertThat(main.select("#verified-holder").text()).isEqualTo("Prénom eve");
        assertThat(main.select("#verified-issuer").text()).isEqualTo(ISSUER);
        assertThat(main.select("#verified-certifying-body").text())
                .isEqualTo("Commission Paritaire Nationale Emploi Formation Intersecteur Papier-Carton");
        assertThat(main.select(".verify-facts dt").eachText())
                .containsExactly("Numéro", "Date de délivrance", "Organisme de formation", "Organisme certificateur");
        assertThat(main.select("#verified-issued-on").text()).matches("\\d{1,2} [a-zéû]+ 20\\d\\d");
        assertThat(main.select(".verify-certification").text())
                .isEqualTo("CQPI Assistant(e) — Certificat de Qualification Professionnelle Interbranches");
        assertThat(main.select("#verified-blocs li").eachText())
                .containsExactly(
                        "B3 Suivi des projets ou des dossiers et traitement des aléas validé jury du 1 décembre"
                                + " 2026");

        Element english = Jsoup.parse(browser()
                        .get(path, Map.of("Accept-Language", "en-GB,en;q=0.8"))
                        .body())
                .selectFirst("main");
        assertThat(english.text())
                .contains("Authentic document")
                .contains("Training organisation")
                .contains("Certifying body")
                .contains("jury of December 1, 2026")
                .doesNotContain("Document authentique");

        var unknown = browser().get(path.substring(0, path.length() - 2) + "01");
        assertThat(unknown.statusCode()).isEqualTo(404);
        Element status = Jsoup.parse(unknown.body()).selectFirst("main > #verify-status");
        assertThat(status.hasClass("invalid")).isTrue();
        assertThat(status.select("h1").text()).isEqualTo("Document introuvable");
        assertThat(unknown.body()).doesNotContain("Prénom eve");
    }
}
