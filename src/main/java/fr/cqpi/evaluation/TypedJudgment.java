package fr.cqpi.evaluation;

/** What a trainer submits for a criterion (the grid's and the group judging's form), shown again unless saved. */
record TypedJudgment(String status, String modality, String comment, Integer version) {}
