package fr.cqpi.course;

/** A learner as a course's roster (NRPS) lists them; {@code active} false when the roster says Inactive. */
public record RosterEntry(Person person, boolean active) {}
