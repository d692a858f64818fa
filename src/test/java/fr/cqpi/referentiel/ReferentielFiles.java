package fr.cqpi.referentiel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** The shipped référentiel, altered by a test to make a bad (or changed) one. */
final class ReferentielFiles {

    static final Path SHIPPED = Path.of("sample-courses/cqpi-assistant/referentiel.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReferentielFiles() {}

    static byte[] altered(Consumer<ObjectNode> change) {
        ObjectNode root = (ObjectNode) JSON.readTree(SHIPPED.toFile());
        change.accept(root);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    static ObjectNode bloc(ObjectNode root, int index) {
        return (ObjectNode) root.withArray("blocs").get(index);
    }

    static ObjectNode competence(ObjectNode root, int bloc, int index) {
        return (ObjectNode) bloc(root, bloc).withArray("competences").get(index);
    }

    /** Writes {@code content} as {@code dir/<course>/referentiel.json}. */
    static Path write(Path dir, String course, byte[] content) {
        try {
            Path file = dir.resolve(course).resolve("referentiel.json");
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
