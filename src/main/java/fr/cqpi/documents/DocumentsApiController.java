package fr.cqpi.documents;

import fr.cqpi.course.Actor;
import fr.cqpi.course.People;
import fr.cqpi.lti.ToolBaseUrl;
import fr.cqpi.privacy.ReadLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issued documents in JSON API v1: issue (evaluators of the course), list, and download the stored PDF (evaluators;
 * a learner only what was issued for them). Issuing again makes a new number and says which were issued before.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(
        name = "Documents",
        description = "Livret d'évaluation, procès-verbal du jury, attestation de blocs, certificat (PDF, numbered,"
                + " stored once issued, publicly verifiable at their verification URL)")
class DocumentsApiController {

    private final Documents documents;
    private final ToolBaseUrl baseUrl;
    private final ReadLog readLog;
    private final People people;

    DocumentsApiController(Documents documents, ToolBaseUrl baseUrl, ReadLog readLog, People people) {
        this.documents = documents;
        this.baseUrl = baseUrl;
        this.readLog = readLog;
        this.people = people;
    }

    record IssueRequest(String kind) {}

    record IssuedView(IssuedDocument document, List<String> earlier, String note) {
        static IssuedView of(Documents.Issued issued) {
            String number = issued.document().number();
            return new IssuedView(
                    issued.document(),
                    issued.earlier(),
                    issued.earlier().isEmpty()
                            ? "issued as " + number
                            : "issued as a new document " + number + "; issued before (still valid, unchanged): "
                                    + String.join(", ", issued.earlier()));
        }
    }

    @PostMapping("/learners/{learnerId}/documents")
    @Operation(
            summary = "Issues a candidate's document, kind LIVRET, ATTESTATION (at least one bloc VALIDE) or CERTIFICAT"
                    + " (all four blocs VALIDE), an attestation or certificate not while a recours is pending, none"
                    + " before the jury date of a decision it states (else 409, the reason as title): a new number"
                    + " each time (evaluators only)")
    ResponseEntity<IssuedView> issue(
            Actor actor, @PathVariable("learnerId") String learnerSub, @RequestBody IssueRequest body, Locale locale) {
        Documents.Issued issued =
                documents.issueForLearner(actor, learnerSub, body == null ? null : body.kind(), locale, baseUrl.get());
        return created(issued);
    }

    @GetMapping("/learners/{learnerId}/documents")
    @Operation(summary = "The documents issued for a candidate, latest first (evaluators; a learner their own)")
    List<IssuedDocument> ofLearner(Actor actor, @PathVariable("learnerId") String learnerSub) {
        return documents.ofLearner(actor, learnerSub, baseUrl.get());
    }

    @PostMapping("/jury-sessions/{sessionId}/documents")
    @Operation(summary = "Issues the procès-verbal (fiche décision) of a jury session (evaluators only)")
    ResponseEntity<IssuedView> issueMinutes(Actor actor, @PathVariable long sessionId, Locale locale) {
        return created(documents.issueForSession(actor, sessionId, locale, baseUrl.get()));
    }

    @GetMapping("/jury-sessions/{sessionId}/documents")
    @Operation(summary = "The procès-verbaux issued for a jury session, latest first (evaluators only)")
    List<IssuedDocument> ofSession(Actor actor, @PathVariable long sessionId) {
        return documents.ofSession(actor, sessionId, baseUrl.get());
    }

    @GetMapping(value = "/documents/{number}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The PDF exactly as issued (evaluators of the course; a learner only their own documents)")
    ResponseEntity<byte[]> pdf(Actor actor, @PathVariable String number) {
        Documents.StoredPdf pdf = documents.pdf(actor, number);
        if (pdf.learnerId() != null && pdf.learnerId() != actor.userId()) {
            people.find(pdf.learnerId())
                    .ifPresent(learner -> readLog.record(actor, learner.sub(), ReadLog.What.DOCUMENT_PDF, number));
        }
        return pdfResponse(pdf);
    }

    static ResponseEntity<byte[]> pdfResponse(Documents.StoredPdf pdf) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(pdf.number() + ".pdf")
                                .build()
                                .toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(pdf.bytes());
    }

    private static ResponseEntity<IssuedView> created(Documents.Issued issued) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .header(
                        HttpHeaders.LOCATION,
                        "/api/v1/documents/" + issued.document().number() + "/pdf")
                .body(IssuedView.of(issued));
    }
}
