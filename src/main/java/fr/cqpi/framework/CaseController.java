package fr.cqpi.framework;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The CASE 1.1 REST binding's read endpoints for the référentiel: documents, packages, items, associations and item
 * types. Public and read-only ({@link CaseSecurityConfiguration}); an unknown or malformed identifier is answered
 * with the binding's {@code imsx_StatusInfo} payload (404 {@code unknownobject}, 400 {@code invalid_uuid}).
 */
@RestController
@RequestMapping(path = CaseFramework.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
class CaseController {

    private final CaseFrameworks frameworks;

    CaseController(CaseFrameworks frameworks) {
        this.frameworks = frameworks;
    }

    @GetMapping("/CFDocuments")
    Map<String, Object> documents() {
        return Map.of(
                "CFDocuments",
                frameworks.all().stream().map(CaseFramework::document).toList());
    }

    @GetMapping("/CFDocuments/{sourcedId}")
    ResponseEntity<?> document(@PathVariable String sourcedId) {
        return answer(sourcedId, "CFDocument", id -> frameworks.document(id).map(CaseFramework::document));
    }

    @GetMapping("/CFPackages/{sourcedId}")
    ResponseEntity<?> pckg(@PathVariable String sourcedId) {
        return answer(sourcedId, "CFPackage", id -> frameworks.document(id).map(CaseFramework::pckg));
    }

    @GetMapping("/CFItems/{sourcedId}")
    ResponseEntity<?> item(@PathVariable String sourcedId) {
        return answer(sourcedId, "CFItem", id -> frameworks.find(f -> f.item(id)));
    }

    @GetMapping("/CFAssociations/{sourcedId}")
    ResponseEntity<?> association(@PathVariable String sourcedId) {
        return answer(sourcedId, "CFAssociation", id -> frameworks.find(f -> f.association(id)));
    }

    @GetMapping("/CFItemTypes/{sourcedId}")
    ResponseEntity<?> itemType(@PathVariable String sourcedId) {
        return answer(sourcedId, "CFItemType", id -> frameworks.find(f -> f.itemTypeSet(id)));
    }

    private static ResponseEntity<?> answer(
            String sourcedId, String kind, Function<UUID, Optional<Map<String, Object>>> lookup) {
        UUID id;
        try {
            id = UUID.fromString(sourcedId);
        } catch (IllegalArgumentException e) {
            return status(HttpStatus.BAD_REQUEST, "invalid_uuid", "sourcedId is not a UUID: " + sourcedId);
        }
        if (!id.toString().equalsIgnoreCase(sourcedId)) {
            return status(HttpStatus.BAD_REQUEST, "invalid_uuid", "sourcedId is not a UUID: " + sourcedId);
        }
        return lookup.apply(id)
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> status(HttpStatus.NOT_FOUND, "unknownobject", "No " + kind + " " + id));
    }

    /** The binding's {@code imsx_StatusInfo}, its payload for every 4xx. */
    static ResponseEntity<Map<String, Object>> status(HttpStatus status, String codeMinor, String description) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(statusInfo(codeMinor, description));
    }

    static Map<String, Object> statusInfo(String codeMinor, String description) {
        return Map.of(
                "imsx_codeMajor",
                "failure",
                "imsx_severity",
                "error",
                "imsx_description",
                description,
                "imsx_codeMinor",
                Map.of(
                        "imsx_codeMinorField",
                        List.of(Map.of(
                                "imsx_codeMinorFieldName", "sourcedId", "imsx_codeMinorFieldValue", codeMinor))));
    }
}
