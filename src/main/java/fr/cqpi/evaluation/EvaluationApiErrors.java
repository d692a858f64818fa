package fr.cqpi.evaluation;

import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The judgments' own refusals in every JSON endpoint, as RFC 9457 problem documents: a stale version (with the value
 * that stands, to merge) and a bloc the jury decided. Nothing is stored on either.
 */
@RestControllerAdvice(annotations = RestController.class)
class EvaluationApiErrors {

    record CurrentJudgment(
            String criterionCode,
            String status,
            String modality,
            String comment,
            int version,
            String updatedBy,
            String updatedByName,
            Instant updatedAt,
            String evaluatorRole) {}

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
}
