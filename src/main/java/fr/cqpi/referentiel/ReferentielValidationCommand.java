package fr.cqpi.referentiel;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/** {@code --cqpi.referentiel.validate=PATH}: checks one file without a database or a server. */
public final class ReferentielValidationCommand {

    private static final String OPTION = "--cqpi.referentiel.validate=";

    private final Path file;

    private ReferentielValidationCommand(Path file) {
        this.file = file;
    }

    public static Optional<ReferentielValidationCommand> fromArguments(String[] args) {
        return Arrays.stream(args)
                .filter(a -> a.startsWith(OPTION))
                .findFirst()
                .map(a -> new ReferentielValidationCommand(Path.of(a.substring(OPTION.length()))));
    }

    /** @return the process exit code: 0 valid, 1 invalid, 2 unreadable */
    public int run(PrintStream out, PrintStream err) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            err.println("Cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        try {
            Referentiel r =
                    new ReferentielParser().parse(file.toString(), content).referentiel();
            out.printf(
                    "%s is valid: %s (%s), %d blocs, %d compétences, %d criteria%n",
                    file,
                    r.title(),
                    r.code(),
                    r.blocs().size(),
                    r.competences().count(),
                    r.criteria().count());
            return 0;
        } catch (InvalidReferentielException e) {
            err.println(e.getMessage());
            return 1;
        }
    }
}
