package fr.cqpi.lti;

import fr.cqpi.course.ToolRole;
import org.springframework.modulith.NamedInterface;

/** A launch into a course was accepted (published after it is recorded). */
@NamedInterface("events")
public record CourseLaunched(long platformId, long courseId, ToolRole role) {}
