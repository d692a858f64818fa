package fr.cqpi.framework;

import fr.cqpi.referentiel.ReferentielCatalog;
import fr.cqpi.referentiel.ReferentielCatalog.StoredReferentiel;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The référentiel as a Moodle competency framework CSV, public like the CASE framework: the latest version, or the
 * one {@code version} names. An unknown référentiel or version answers 404 with a problem document.
 */
@RestController
class MoodleExportController {

    static final String PATH = "/frameworks/{code}/moodle-competencies.csv";

    private final ReferentielCatalog catalog;

    MoodleExportController(ReferentielCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping(PATH)
    ResponseEntity<?> csv(@PathVariable String code, @RequestParam(required = false) Integer version) {
        var stored = catalog.versions().stream()
                .filter(v -> v.code().equals(code))
                .filter(v -> version == null || v.version() == version)
                .max(Comparator.comparingInt(StoredReferentiel::version));
        if (stored.isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.NOT_FOUND,
                    version == null
                            ? "No référentiel " + code
                            : "No version " + version + " of the référentiel " + code);
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        StoredReferentiel found = stored.get();
        var referentiel = catalog.version(found.versionId());
        StringWriter body = new StringWriter();
        MoodleCompetencyCsv.write(referentiel, found.version(), body);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(MoodleCompetencyCsv.frameworkIdNumber(code, found.version())
                                        + "-moodle-competencies.csv")
                                .build()
                                .toString())
                .body(body.toString());
    }
}
