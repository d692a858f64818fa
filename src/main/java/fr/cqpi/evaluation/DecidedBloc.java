package fr.cqpi.evaluation;

import java.time.LocalDate;

/** The jury's decision that stands on a bloc, and the day the jury that took it sat. */
public record DecidedBloc(Decision decision, LocalDate juryDate) {

    /** Whether the bloc's judgments and evidence stay as decided until the jury decides again. */
    public boolean locks() {
        return decision.locks();
    }
}
