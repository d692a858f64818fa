package fr.cqpi.evaluation;

import java.time.LocalDate;

/** An évaluateur habilité opened an evaluation session of the course; published in the opening's transaction. */
public record EvaluationSessionOpened(long courseId, long sessionId, SessionKind kind, LocalDate heldOn) {}
