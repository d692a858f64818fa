package fr.cqpi.web;

import fr.cqpi.shared.InvalidInputException;
import fr.cqpi.shared.NotFoundException;
import fr.cqpi.shared.RefusedException;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Errors of every JSON endpoint as RFC 9457 problem documents that name the faulty field. Nothing is stored on any of
 * them. A controller's own {@code @ExceptionHandler} comes first, and a module's own advice for its own exceptions
 * (a judgment's conflict, an evidence file's size). Before {@link PageErrors}: a {@code @RestController} is a
 * {@code @Controller} too.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class ApiErrors {

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        if (notNow(e)) {
            return refused(e);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("invalid_field");
        problem.setProperty("field", e.field());
        if (e.reason() != null) {
            problem.setProperty("reason", e.reason());
        }
        return problem;
    }

    private static boolean notNow(InvalidInputException e) {
        ResponseStatus status = AnnotatedElementUtils.findMergedAnnotation(e.getClass(), ResponseStatus.class);
        return status != null && status.code() == HttpStatus.CONFLICT;
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

    /**
     * Well formed, but not now: a document the file does not allow yet, a decision before its session's date. Every
     * refusal that is no invalid input, and the invalid inputs marked {@code @ResponseStatus(CONFLICT)}.
     */
    @ExceptionHandler(RefusedException.class)
    ProblemDetail refused(RefusedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle(e.reason());
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
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
