/**
 * Tuteurs entreprise invited by e-mail, who are no users of the LMS: an évaluateur habilité of the course invites an
 * address for given learners; the tutor signs in with a single-use, short-lived link bound to that invitation (only
 * its SHA-256 is kept), and judges as {@code tuteur entreprise} those learners only, as a Mentor launched from the
 * LMS does. The person the tool makes for them is a user of the course's platform under a sub of the tool's own
 * ({@code tutor-invitation:<uuid>}); an evaluator may confirm that an LMS Mentor with the same address is that
 * person, who then signs in as that Mentor. Invitations expire and are revocable; every step and every request of an
 * invited tutor is audited. The links leave by e-mail through the notifications ({@code TutorSignInMail}): this module publishes
 * {@link fr.cqpi.tutors.TutorSignInRequested} and mints the link at delivery ({@link fr.cqpi.tutors.TutorSignInLinks}).
 * Its pages and API are here too: the tutors page (who follows whom: an evaluator designates a member of the course
 * as tuteur entreprise of learners), the invitations (evaluators), the sign-in link (tutors), and the guard that ends an
 * invited tutor's session once the invitation no longer stands.
 */
@ApplicationModule(
        allowedDependencies = {"course", "evaluation", "lti", "lti::base-url", "notifications", "personaldata", "shared"
        })
package fr.cqpi.tutors;

import org.springframework.modulith.ApplicationModule;
