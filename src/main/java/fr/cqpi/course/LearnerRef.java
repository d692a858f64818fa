package fr.cqpi.course;

/** A learner of a platform: the tool's user id and the platform's LTI {@code sub} (what the platform knows). */
public record LearnerRef(long userId, String sub) {}
