package fr.cqpi.referentiel;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a référentiel file strictly: every fault is reported with its JSON path, unknown fields
 * included, so that a typo never silently drops part of a grid ({@link ReferentielReader} walks the document).
 */
public final class ReferentielParser {

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** The parsed document and its canonical JSON (the same for files that differ only in layout). */
    public record Parsed(Referentiel referentiel, String canonicalJson) {}

    public Parsed parse(String source, byte[] content) {
        JsonNode root;
        try {
            root = mapper.readTree(content);
        } catch (StreamReadException e) {
            throw new InvalidReferentielException(
                    source,
                    List.of(new ReferentielProblem(
                            "$",
                            "malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage())));
        } catch (Exception e) {
            throw new InvalidReferentielException(
                    source, List.of(new ReferentielProblem("$", "unreadable JSON: " + e.getMessage())));
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidReferentielException(source, List.of(new ReferentielProblem("$", "the file is empty")));
        }
        ReferentielReader reader = new ReferentielReader();
        Referentiel referentiel = reader.referentiel(root);
        if (!reader.problems().isEmpty()) {
            throw new InvalidReferentielException(source, reader.problems());
        }
        try {
            return new Parsed(referentiel, mapper.writeValueAsString(root));
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }
}
