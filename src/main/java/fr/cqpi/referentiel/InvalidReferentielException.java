package fr.cqpi.referentiel;

import java.util.List;
import java.util.stream.Collectors;

/** A référentiel file that cannot be loaded; names the file and every fault found in it. */
public class InvalidReferentielException extends RuntimeException {

    private final String source;
    private final List<ReferentielProblem> problems;

    public InvalidReferentielException(String source, List<ReferentielProblem> problems) {
        super("Invalid référentiel file " + source + ":\n"
                + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n")));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public String source() {
        return source;
    }

    public List<ReferentielProblem> problems() {
        return problems;
    }
}
