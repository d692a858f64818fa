package fr.cqpi.evidence;

import fr.cqpi.course.Actor;
import fr.cqpi.shared.RequestIdFilter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Evidence (preuves) in JSON API v1: files and links of a learner's file, per bloc or criterion. Evaluators of the
 * course everywhere; a learner their own file, and attaches only to the blocs whose candidate writes a document.
 */
@RestController
@RequestMapping("/api/v1/learners/{learnerId}/evidence")
@Tag(name = "Evidence", description = "Files and links attached to a learner's blocs and criteria (preuves)")
class EvidenceApiController {

    /** Downloads are never rendered by the tool's origin: no script, no plugin, no same-origin access. */
    static final String DOWNLOAD_POLICY = "sandbox; default-src 'none'; frame-ancestors 'none'";

    private final EvidenceService evidence;

    EvidenceApiController(EvidenceService evidence) {
        this.evidence = evidence;
    }

    @GetMapping
    @Operation(summary = "The evidence of a learner's file not withdrawn, by bloc (evaluators; a learner their own)")
    List<Evidence> list(Actor actor, @PathVariable("learnerId") String learnerSub) {
        return evidence.list(actor, learnerSub);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Attaches a file (multipart: file, blocCode, optional criterionCode): PDF, PNG, JPEG, Word,"
                    + " Excel, PowerPoint or OpenDocument, recognised from its content (else 415), at most"
                    + " cqpi.evidence.max-file-size (20 MB by default, else 413). A learner attaches only to a bloc"
                    + " whose référentiel modality the candidate writes (B3), else 403; 409 on a bloc the jury decided")
    Evidence addFile(
            Actor actor,
            @PathVariable("learnerId") String learnerSub,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String blocCode,
            @RequestParam(required = false) String criterionCode,
            HttpServletRequest request)
            throws IOException {
        return evidence.addFile(
                actor,
                learnerSub,
                new EvidenceService.NewFile(
                        blocCode,
                        criterionCode,
                        file == null ? null : file.getOriginalFilename(),
                        file == null ? null : file.getBytes()),
                RequestIdFilter.of(request));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Attaches a link ({blocCode, criterionCode, url, title}): http or https only, no credentials in"
                    + " it (else 400); same rules as files for who may attach where")
    Evidence addLink(
            Actor actor,
            @PathVariable("learnerId") String learnerSub,
            @RequestBody EvidenceService.NewLink body,
            HttpServletRequest request) {
        return evidence.addLink(actor, learnerSub, body, RequestIdFilter.of(request));
    }

    @GetMapping("/{evidenceId}/content")
    @Operation(
            summary = "A file's bytes, as an attachment with the type detected at upload (nosniff, CSP sandbox);"
                    + " evaluators, or the learner of the file")
    ResponseEntity<byte[]> content(
            Actor actor, @PathVariable("learnerId") String learnerSub, @PathVariable long evidenceId) {
        return download(evidence.content(actor, learnerSub, evidenceId));
    }

    @DeleteMapping("/{evidenceId}")
    @Operation(
            summary = "Withdraws an item: kept and audited, no longer listed (evaluators; a learner what they"
                    + " attached); 409 on a bloc the jury decided")
    Evidence withdraw(
            Actor actor,
            @PathVariable("learnerId") String learnerSub,
            @PathVariable long evidenceId,
            HttpServletRequest request) {
        return evidence.withdraw(actor, learnerSub, evidenceId, RequestIdFilter.of(request));
    }

    static ResponseEntity<byte[]> download(EvidenceFile file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", DOWNLOAD_POLICY)
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(file.bytes());
    }
}
