package fr.cqpi.evaluation;

/** A criterion both evaluators judged with different statuses: the jury goes back to the file there. */
public record Divergence(
        String blocCode, String competenceCode, String criterionCode, Judgment evaluateur, Judgment tuteur) {}
