package fr.cqpi.exports;

import fr.cqpi.course.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cohort and every judgment as CSV or XLSX, for evaluators of the course: written to the response as they
 * are read, after the access check (a refusal is a 403 before any byte).
 */
@RestController
@Tag(name = "Exports", description = "The cohort and every judgment of the launch's course, as CSV or XLSX")
class ExportsController {

    private final Exports exports;
    private final MessageSource messages;

    ExportsController(Exports exports, MessageSource messages) {
        this.exports = exports;
        this.messages = messages;
    }

    @GetMapping({
        "/app/exports/{what:cohort|judgments}.{ext:csv|xlsx}",
        "/api/v1/exports/{what:cohort|judgments}.{ext:csv|xlsx}"
    })
    @Operation(
            summary = "The cohort (a learner per row) or every judgment (one per row), as CSV (UTF-8 with BOM, « ; »)"
                    + " or XLSX, in the launch's language (evaluators only)")
    void export(
            Actor actor,
            @PathVariable String what,
            @PathVariable String ext,
            Locale locale,
            HttpServletResponse response)
            throws IOException {
        ExportFormat format = ExportFormat.of(ext).orElseThrow();
        boolean cohort = what.equals("cohort");
        Exports.Export export =
                cohort ? exports.cohort(actor, format, locale) : exports.judgments(actor, format, locale);
        String name = messages.getMessage(cohort ? "export.cohort.file" : "export.judgments.file", null, locale) + "-"
                + LocalDate.now(ZoneId.of("Europe/Paris")) + "." + format.extension();
        response.setContentType(format.contentType());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8)
                        .build()
                        .toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        export.writeTo(response.getOutputStream());
    }
}
