package fr.cqpi.tutors;

import fr.cqpi.course.CourseMember;
import java.time.Instant;
import java.util.List;

/**
 * An invitation as the évaluateurs' list shows it: its learners, the LMS Mentor it was confirmed to be (or null),
 * the course's Mentors with the same address that an evaluator may confirm it to be, and the tutor's last sign-in.
 */
public record InvitationListing(
        TutorInvitation invitation,
        List<CourseMember> learners,
        CourseMember confirmedAs,
        List<CourseMember> confirmable,
        Instant lastSignIn) {}
