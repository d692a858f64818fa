package fr.cqpi.evaluation;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The judgments' own refusals in every JSON endpoint, as RFC 9457 problem documents: a stale version (with the value
 * that stands, as the grid's API shows a judgment, to merge) and a bloc the jury decided. Nothing is stored on either.
 */
@RestControllerAdvice(annotations = RestController.class)
class EvaluationApiErrors {

    private final EvaluationQueries queries;

    EvaluationApiErrors(EvaluationQueries queries) {
        this.queries = queries;
    }

    @ExceptionHandler(JudgmentConflictException.class)
    ProblemDetail conflict(JudgmentConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT, "another evaluator changed this criterion; their value is in 'current'");
        problem.setTitle("stale_version");
        problem.setProperty("current", JudgmentView.of(queries.referentiel(), e.current()));
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
