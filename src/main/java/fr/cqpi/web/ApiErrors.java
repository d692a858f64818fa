package fr.cqpi.web;

import fr.cqpi.documents.DocumentNotFoundException;
import fr.cqpi.documents.DocumentRefusedException;
import fr.cqpi.evaluation.BlocLockedException;
import fr.cqpi.evaluation.JudgmentConflictException;
import fr.cqpi.evaluation.LearnerNotFoundException;
import fr.cqpi.evaluation.SessionNotFoundException;
import fr.cqpi.evaluation.UnknownCriterionException;
import fr.cqpi.evidence.EvidenceNotFoundException;
import fr.cqpi.evidence.EvidenceProperties;
import fr.cqpi.evidence.EvidenceTooLargeException;
import fr.cqpi.evidence.UnsupportedEvidenceTypeException;
import fr.cqpi.jury.JuryNotFoundException;
import fr.cqpi.jury.JuryRefusedException;
import fr.cqpi.shared.InvalidInputException;
import fr.cqpi.shared.RefusedException;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Errors of every JSON endpoint as RFC 9457 problem documents that name the faulty field. Nothing is stored on any of
 * them. A controller's own {@code @ExceptionHandler} comes first.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors {

    private final EvidenceProperties evidence;

    ApiErrors(EvidenceProperties evidence) {
        this.evidence = evidence;
    }

    record CurrentJudgment(
            String criterionCode,
            String status,
            String modality,
            String comment,
            int version,
            String updatedBy,
            String updatedByName,
            java.time.Instant updatedAt,
            String evaluatorRole) {}

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("invalid_field");
        problem.setProperty("field", e.field());
        if (e.reason() != null) {
            problem.setProperty("reason", e.reason());
        }
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "parameter '" + e.getName() + "' has a value of the wrong type");
        problem.setTitle("invalid_field");
        problem.setProperty("field", e.getName());
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle("malformed_json");
        if (e.getCause() instanceof DatabindException mapping
                && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(JacksonException.Reference::getPropertyName)
                    .collect(Collectors.joining("."));
            problem.setProperty("field", field);
            problem.setDetail("field '" + field + "' has a value of the wrong type");
        } else {
            problem.setDetail(
                    "the body is not a JSON object of the expected shape (status, modality, comment, version)");
        }
        return problem;
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                e.getSupportedMediaTypes().isEmpty()
                        ? "send the body as application/json"
                        : "send the body as one of " + e.getSupportedMediaTypes());
        problem.setTitle("unsupported_media_type");
        return problem;
    }

    @ExceptionHandler(JudgmentConflictException.class)
    ProblemDetail conflict(JudgmentConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT, "another evaluator changed this criterion; their value is in 'current'");
        problem.setTitle("stale_version");
        var j = e.current();
        problem.setProperty(
                "current",
                new CurrentJudgment(
                        j.criterionCode(),
                        j.status().name(),
                        j.modality(),
                        j.comment(),
                        j.version(),
                        j.updatedBySub(),
                        j.updatedByName(),
                        j.updatedAt(),
                        j.evaluatorRole().name()));
        return problem;
    }

    @ExceptionHandler(BlocLockedException.class)
    ProblemDetail locked(BlocLockedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("bloc_decided");
        problem.setProperty("blocCode", e.blocCode());
        problem.setProperty("decision", e.decision().name());
        return problem;
    }

    /** Well formed, but not now: a document the file does not allow yet, a decision before its session's date. */
    @ExceptionHandler({DocumentRefusedException.class, JuryRefusedException.class})
    ProblemDetail refused(RefusedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle(e.reason());
        return problem;
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

    @ExceptionHandler({
        EvidenceNotFoundException.class,
        LearnerNotFoundException.class,
        UnknownCriterionException.class,
        SessionNotFoundException.class,
        JuryNotFoundException.class,
        DocumentNotFoundException.class,
        fr.cqpi.tutors.InvitationNotFoundException.class
    })
    ProblemDetail notFound(RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("not_found");
        return problem;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("forbidden");
        return problem;
    }
}
