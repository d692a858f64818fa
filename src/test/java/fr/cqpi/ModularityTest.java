package fr.cqpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Every module declares what it may depend on (its {@code package-info.java}); a dependency outside that list, on a
 * module's internals, or a cycle fails the build. The module diagrams and canvases in {@code docs/architecture/} are
 * written again on every run, and the README's diagram must match the modules.
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(CqpiLtiApplication.class);
    static final Path DOCS = Path.of("docs/architecture");

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void documentationIsWritten() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        try (var files = Files.list(DOCS)) {
            for (Path puml : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                Files.writeString(puml, sortedRelations(Files.readString(puml)));
            }
        }
        Files.writeString(DOCS.resolve("modules.mmd"), mermaid());
        assertThat(DOCS.resolve("components.puml")).exists();
        assertThat(DOCS.resolve("module-evaluation.adoc")).exists();
    }

    @Test
    void theReadmeShowsTheCurrentModules() throws IOException {
        assertThat(Files.readString(Path.of("README.md")))
                .as("README.md's architecture section must hold docs/architecture/modules.mmd (rewritten by this test)")
                .contains("```mermaid\n" + mermaid() + "```\n");
    }

    /** The Documenter writes relations in no fixed order; sorted, the files change only when the modules do. */
    static String sortedRelations(String puml) {
        List<String> lines = puml.lines().toList();
        List<String> relations =
                lines.stream().filter(l -> l.startsWith("Rel(")).sorted().toList();
        Iterator<String> next = relations.iterator();
        return lines.stream()
                .map(l -> l.startsWith("Rel(") ? next.next() : l)
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** The modules and their direct dependencies, as a Mermaid graph (GitHub renders it in the README). */
    static String mermaid() {
        StringBuilder graph = new StringBuilder("graph LR\n");
        MODULES.stream()
                .sorted((a, b) ->
                        a.getIdentifier().toString().compareTo(b.getIdentifier().toString()))
                .forEach(module -> module.getDirectDependencies(MODULES)
                        .uniqueModules()
                        .map(ApplicationModule::getIdentifier)
                        .map(Object::toString)
                        .distinct()
                        .sorted()
                        .collect(Collectors.toList())
                        .forEach(target -> graph.append("  ")
                                .append(module.getIdentifier())
                                .append(" --> ")
                                .append(target)
                                .append('\n')));
        return graph.toString();
    }
}
