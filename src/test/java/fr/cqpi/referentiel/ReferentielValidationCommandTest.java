package fr.cqpi.referentiel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferentielValidationCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void acceptsTheShippedFile() {
        int code = run("--cqpi.referentiel.validate=" + ReferentielFiles.SHIPPED);
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("is valid")
                .contains("4 blocs, 9 compétences, 80 criteria");
    }

    @Test
    void refusesABadFileWithExitCode1(@TempDir Path dir) {
        Path file = ReferentielFiles.write(
                dir,
                "x",
                ReferentielFiles.altered(r -> ReferentielFiles.bloc(r, 0).put("code", "Z")));
        assertThat(run("--cqpi.referentiel.validate=" + file)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains(file.toString())
                .contains("$.blocs[0].code");
    }

    @Test
    void missingFileIsExitCode2() {
        assertThat(run("--cqpi.referentiel.validate=/nonexistent.json")).isEqualTo(2);
    }

    @Test
    void otherArgumentsAreNotAValidation() {
        assertThat(ReferentielValidationCommand.fromArguments(new String[] {"--server.port=1"}))
                .isEmpty();
    }

    private int run(String arg) {
        return ReferentielValidationCommand.fromArguments(new String[] {arg})
                .orElseThrow()
                .run(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
