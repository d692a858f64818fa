package fr.cqpi.tutors;

import java.util.Locale;

/**
 * A tutor is to receive a sign-in link: at their invitation, or when they ask for a new one. Published in the
 * transaction that caused it; whoever delivers the message mints the link then ({@link TutorSignInLinks#mint}), so
 * that a link is never older than its message.
 */
public record TutorSignInRequested(long invitationId, String email, Locale locale) {}
