package fr.cqpi.tutors;

import fr.cqpi.course.Actor;

/**
 * A spent sign-in link: who the tutor is in the course (a {@link fr.cqpi.course.ToolRole#TUTOR} actor), and what the
 * session outside the LMS needs to show and check.
 */
public record TutorSignIn(long invitationId, Actor actor, String courseTitle, String email, String locale) {}
