package fr.cqpi.tutors;

import fr.cqpi.course.Actor;
import fr.cqpi.course.CourseMember;
import fr.cqpi.evaluation.LearnerNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** JSON API v1 of tutor invitations, for the course's évaluateurs habilités. Same session and CSRF as the pages. */
@RestController
@RequestMapping("/api/v1/tutor-invitations")
@Tag(name = "Invitations de tuteurs", description = "Tuteurs entreprise invited by e-mail, outside the LMS")
class TutorInvitationsApiController {

    private final TutorInvitations invitations;
    private final TutorAudit audit;

    TutorInvitationsApiController(TutorInvitations invitations, TutorAudit audit) {
        this.invitations = invitations;
        this.audit = audit;
    }

    record InvitationRequest(String email, String name, List<String> learnerIds, String language) {}

    record ConfirmRequest(String mentorId) {}

    record PersonView(String id, String name) {}

    record InvitationView(
            UUID id,
            String email,
            String name,
            String language,
            String status,
            Instant createdAt,
            Instant expiresAt,
            Instant revokedAt,
            String invitedBy,
            List<PersonView> learners,
            PersonView confirmedAs,
            List<PersonView> confirmable,
            Instant lastSignIn) {}

    @GetMapping
    @Operation(summary = "The course's invitations, the latest first")
    List<InvitationView> list(Actor actor) {
        return invitations.list(actor).stream()
                .map(TutorInvitationsApiController::view)
                .toList();
    }

    @PostMapping
    @Operation(summary = "Invites a tutor by e-mail for these learners (an active invitation of the address grows)")
    ResponseEntity<InvitationView> invite(Actor actor, @RequestBody InvitationRequest request) {
        TutorInvitation invitation = invitations.invite(
                actor,
                request.email(),
                request.name(),
                request.learnerIds(),
                Locale.forLanguageTag(request.language() == null ? "fr" : request.language()));
        return ResponseEntity.status(201).body(find(actor, invitation.publicId()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revokes the invitation: no sign-in any more, an open session ends at its next request")
    ResponseEntity<Void> revoke(Actor actor, @PathVariable UUID id) {
        invitations.revoke(actor, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/confirm")
    @Operation(summary = "Confirms that the course's Mentor with the invitation's address is the invited tutor")
    InvitationView confirm(Actor actor, @PathVariable UUID id, @RequestBody ConfirmRequest request) {
        invitations.confirm(actor, id, request.mentorId());
        return find(actor, id);
    }

    @GetMapping("/{id}/audit")
    @Operation(summary = "Who did what and when with this invitation, every request of its tutor included")
    List<TutorAudit.Entry> audit(Actor actor, @PathVariable UUID id) {
        InvitationListing listing = invitations.list(actor).stream()
                .filter(l -> l.invitation().publicId().equals(id))
                .findFirst()
                .orElseThrow(() -> new LearnerNotFoundException(id.toString()));
        return audit.of(listing.invitation().id());
    }

    private InvitationView find(Actor actor, UUID id) {
        return invitations.list(actor).stream()
                .filter(l -> l.invitation().publicId().equals(id))
                .map(TutorInvitationsApiController::view)
                .findFirst()
                .orElseThrow();
    }

    private static InvitationView view(InvitationListing listing) {
        TutorInvitation i = listing.invitation();
        return new InvitationView(
                i.publicId(),
                i.email(),
                i.tutorName(),
                i.locale(),
                i.status().name(),
                i.createdAt(),
                i.expiresAt(),
                i.revokedAt(),
                i.invitedBySub(),
                listing.learners().stream()
                        .map(TutorInvitationsApiController::person)
                        .toList(),
                listing.confirmedAs() == null ? null : person(listing.confirmedAs()),
                listing.confirmable().stream()
                        .map(TutorInvitationsApiController::person)
                        .toList(),
                listing.lastSignIn());
    }

    private static PersonView person(CourseMember member) {
        return new PersonView(member.sub(), member.displayName());
    }
}
