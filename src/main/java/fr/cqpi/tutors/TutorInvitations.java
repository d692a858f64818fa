package fr.cqpi.tutors;

import fr.cqpi.course.Actor;
import fr.cqpi.course.CourseMember;
import fr.cqpi.course.CourseMembers;
import fr.cqpi.course.Courses;
import fr.cqpi.course.FamilyNameOrder;
import fr.cqpi.course.TutorAssignments;
import fr.cqpi.evaluation.LearnerAccess;
import fr.cqpi.evaluation.LearnerNotFoundException;
import fr.cqpi.shared.Texts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The évaluateurs' invitations of tuteurs entreprise, and what a tutor may ask without being signed in (a new link).
 * Inviting an address that holds an active invitation of the course adds the learners to it and renews it.
 */
@Service
public class TutorInvitations {

    /** Enough of RFC 5322 to catch a slip: one @, a dot in the domain, no spaces. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    private static final int MAX_EMAIL = 254;
    private static final int MAX_NAME = 200;

    private final InvitationRepository invitations;
    private final TutorAssignments assignments;
    private final CourseMembers members;
    private final Courses courses;
    private final LearnerAccess access;
    private final TutorAudit audit;
    private final ApplicationEventPublisher events;
    private final TutorsProperties properties;
    private final JdbcClient jdbc;

    TutorInvitations(
            InvitationRepository invitations,
            TutorAssignments assignments,
            CourseMembers members,
            Courses courses,
            LearnerAccess access,
            TutorAudit audit,
            ApplicationEventPublisher events,
            TutorsProperties properties,
            JdbcClient jdbc) {
        this.invitations = invitations;
        this.assignments = assignments;
        this.members = members;
        this.courses = courses;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    /**
     * Invites {@code email} to judge these learners of the evaluator's course, and asks for the link to be sent.
     *
     * @return the invitation, new or renewed
     */
    @Transactional
    public TutorInvitation invite(
            Actor evaluator, String email, String name, Collection<String> learnerSubs, Locale locale) {
        access.requireEvaluator(evaluator);
        String address = address(email);
        String tutorName = name == null || name.isBlank() ? null : Texts.clean(name.strip(), MAX_NAME);
        if (learnerSubs == null || learnerSubs.isEmpty()) {
            throw new InvalidInvitationException("learnerIds", "an invitation names at least one learner");
        }
        Set<Long> learners = new LinkedHashSet<>();
        for (String sub : learnerSubs) {
            learners.add(learner(evaluator, sub).userId());
        }
        long courseId = evaluator.courseId();
        TutorInvitation invitation = invitations
                .activeFor(courseId, address)
                .map(existing -> {
                    invitations.renew(existing.id(), tutorName, properties.invitationValidity());
                    return existing;
                })
                .orElseGet(() -> create(evaluator, address, tutorName, locale));
        invitations.addLearners(invitation.id(), learners);
        assignments.assignInvited(courseId, invitation.effectiveUserId(), learners, evaluator.sub());
        audit.append(invitation.id(), evaluator.sub(), "INVITED", "learners " + String.join(" ", learnerSubs));
        events.publishEvent(
                new TutorSignInRequested(invitation.id(), address, Locale.forLanguageTag(invitation.locale())));
        return invitations.find(invitation.id()).orElseThrow();
    }

    private TutorInvitation create(Actor evaluator, String email, String name, Locale locale) {
        UUID publicId = UUID.randomUUID();
        long platformId = courses.find(evaluator.courseId()).orElseThrow().platformId();
        long tutorId = assignments.enrolInvited(
                platformId,
                evaluator.courseId(),
                TutorAssignments.INVITED_SUB_PREFIX + publicId,
                name == null ? email : name,
                email);
        String language = locale != null && "en".equals(locale.getLanguage()) ? "en" : "fr";
        long id = invitations.insert(
                publicId,
                evaluator.courseId(),
                email,
                name,
                language,
                tutorId,
                evaluator.sub(),
                properties.invitationValidity());
        return invitations.find(id).orElseThrow();
    }

    /** The course's invitations, the latest first, whatever their state. */
    @Transactional(readOnly = true)
    public List<InvitationListing> list(Actor evaluator) {
        access.requireEvaluator(evaluator);
        long courseId = evaluator.courseId();
        Map<Long, CourseMember> learners = members.learnersById(courseId);
        List<CourseMember> mentors = members.tutorCandidates(courseId);
        List<InvitationListing> listings = new ArrayList<>();
        for (TutorInvitation invitation : invitations.ofCourse(courseId)) {
            List<CourseMember> named = invitations.learners(invitation.id()).stream()
                    .map(learners::get)
                    .filter(Objects::nonNull)
                    .sorted(FamilyNameOrder.members())
                    .toList();
            CourseMember confirmedAs = invitation.confirmedUserId() == null
                    ? null
                    : mentors.stream()
                            .filter(m -> m.userId() == invitation.confirmedUserId())
                            .findFirst()
                            .orElse(null);
            List<CourseMember> confirmable = invitation.isActive() && invitation.confirmedUserId() == null
                    ? mentors.stream()
                            .filter(m -> m.email() != null && m.email().equalsIgnoreCase(invitation.email()))
                            .toList()
                    : List.of();
            listings.add(new InvitationListing(
                    invitation,
                    named,
                    confirmedAs,
                    confirmable,
                    audit.lastSignIn(invitation.id()).orElse(null)));
        }
        return listings;
    }

    /** Revokes it: its tutor signs in no more, their open session ends at its next request, their learners go. */
    @Transactional
    public TutorInvitation revoke(Actor evaluator, UUID publicId) {
        TutorInvitation invitation = ofCourse(evaluator, publicId);
        if (invitation.status() != TutorInvitation.Status.REVOKED) {
            invitations.revoke(invitation.id(), evaluator.sub());
            assignments.unassignInvited(
                    invitation.courseId(), invitation.effectiveUserId(), invitations.learners(invitation.id()));
            jdbc.sql("update tutor_sign_in_token set expires_at = now() where invitation_id = :i and used_at is null"
                            + " and expires_at > now()")
                    .param("i", invitation.id())
                    .update();
            audit.append(invitation.id(), evaluator.sub(), "REVOKED", null);
        }
        return invitations.find(invitation.id()).orElseThrow();
    }

    /**
     * Confirms that the course's Mentor {@code mentorSub}, launched from the LMS with the invitation's address, is the
     * invited tutor: from now on the invitation signs in as that Mentor, who judges the invitation's learners.
     */
    @Transactional
    public TutorInvitation confirm(Actor evaluator, UUID publicId, String mentorSub) {
        TutorInvitation invitation = ofCourse(evaluator, publicId);
        if (!invitation.isActive() || invitation.confirmedUserId() != null) {
            throw new InvalidInvitationException("mentorId", "only an active, unconfirmed invitation is confirmed");
        }
        CourseMember mentor = members.tutorCandidates(invitation.courseId()).stream()
                .filter(m -> m.sub().equals(mentorSub))
                .filter(m -> m.email() != null && m.email().equalsIgnoreCase(invitation.email()))
                .findFirst()
                .orElseThrow(() -> new InvalidInvitationException(
                        "mentorId", "no Mentor of the course has this id and the invitation's address"));
        Set<Long> learners = invitations.learners(invitation.id());
        assignments.unassignInvited(invitation.courseId(), invitation.tutorUserId(), learners);
        invitations.confirm(invitation.id(), mentor.userId(), evaluator.sub());
        assignments.assignInvited(invitation.courseId(), mentor.userId(), learners, evaluator.sub());
        audit.append(invitation.id(), evaluator.sub(), "CONFIRMED", "same person as " + mentor.sub());
        return invitations.find(invitation.id()).orElseThrow();
    }

    /**
     * A tutor asks for a new link for their address: one is sent for each active invitation of it, at most
     * {@link TutorsProperties#linkRequestsPerHour()} an hour. Says nothing, whatever the address.
     */
    @Transactional
    public void requestLink(String email) {
        String address;
        try {
            address = address(email);
        } catch (InvalidInvitationException notAnAddress) {
            return;
        }
        for (TutorInvitation invitation : invitations.activeFor(address)) {
            long recent = jdbc.sql("select count(*) from tutor_audit where invitation_id = :i"
                            + " and action = 'LINK_REQUESTED' and at > now() - interval '1 hour'")
                    .param("i", invitation.id())
                    .query(Long.class)
                    .single();
            if (recent >= properties.linkRequestsPerHour()) {
                audit.append(invitation.id(), "anonymous", "LINK_REQUEST_LIMITED", null);
                continue;
            }
            audit.append(invitation.id(), "anonymous", "LINK_REQUESTED", null);
            events.publishEvent(new TutorSignInRequested(
                    invitation.id(), invitation.email(), Locale.forLanguageTag(invitation.locale())));
        }
    }

    /**
     * Whether a session opened with this invitation may go on: the invitation active, and the tutor still who they
     * signed in as (a confirmation makes them the Mentor: they sign in again).
     */
    @Transactional(readOnly = true)
    public boolean admits(long invitationId, long userId) {
        return invitations
                .find(invitationId)
                .filter(TutorInvitation::isActive)
                .filter(i -> i.effectiveUserId() == userId)
                .isPresent();
    }

    private TutorInvitation ofCourse(Actor evaluator, UUID publicId) {
        access.requireEvaluator(evaluator);
        return invitations
                .inCourse(evaluator.courseId(), publicId)
                .orElseThrow(() -> new InvitationNotFoundException(String.valueOf(publicId)));
    }

    private CourseMember learner(Actor evaluator, String sub) {
        try {
            return access.toRead(evaluator, sub);
        } catch (LearnerNotFoundException e) {
            throw new InvalidInvitationException("learnerIds", "'" + sub + "' is no learner of the course");
        }
    }

    private static String address(String email) {
        String address = email == null ? "" : email.strip();
        if (address.length() > MAX_EMAIL || !EMAIL.matcher(address).matches()) {
            throw new InvalidInvitationException("email", "not an e-mail address");
        }
        return address;
    }
}
