package fr.cqpi.evidence;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An evidence file refused in a JSON endpoint, as an RFC 9457 problem document naming the {@code file} field: a type
 * the tool does not take, or a size over the limit (the upload's own limit is the evidence one, so an upload that
 * overflows it while it is read is said the same way). Nothing is stored.
 */
@RestControllerAdvice(annotations = RestController.class)
class EvidenceApiErrors {

    private final EvidenceProperties evidence;

    EvidenceApiErrors(EvidenceProperties evidence) {
        this.evidence = evidence;
    }

    @ExceptionHandler(UnsupportedEvidenceTypeException.class)
    ProblemDetail unsupportedFile(UnsupportedEvidenceTypeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
        problem.setTitle("unsupported_file_type");
        problem.setProperty("field", "file");
        return problem;
    }

    @ExceptionHandler(EvidenceTooLargeException.class)
    ProblemDetail tooLarge(EvidenceTooLargeException e) {
        return tooLarge(e.limit().toBytes());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail uploadTooLarge(MaxUploadSizeExceededException e) {
        return tooLarge(evidence.maxFileSize().toBytes());
    }

    private static ProblemDetail tooLarge(long limit) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.PAYLOAD_TOO_LARGE, "the file is larger than the limit of " + limit + " bytes");
        problem.setTitle("file_too_large");
        problem.setProperty("field", "file");
        problem.setProperty("maxBytes", limit);
        return problem;
    }
}
