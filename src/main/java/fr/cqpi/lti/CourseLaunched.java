package fr.cqpi.lti;

import fr.cqpi.course.ToolRole;

/** A launch into a course was accepted (published after it is recorded). */
public record CourseLaunched(long platformId, long courseId, ToolRole role) {}
