package fr.cqpi.admin;

import fr.cqpi.lti.RegistrationInvitations;
import java.security.Principal;
import java.time.Instant;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The administrator's API, behind HTTP Basic with the {@code cqpi.admin.*} credentials. */
@RestController
class AdminApiController {

    record InvitationCreated(String url, Instant expiresAt) {}

    private final RegistrationInvitations invitations;

    AdminApiController(RegistrationInvitations invitations) {
        this.invitations = invitations;
    }

    /** A one-time registration URL to paste into the LMS's dynamic registration. */
    @PostMapping("/admin/api/registration-invitations")
    ResponseEntity<?> create(@RequestBody(required = false) AdminInvitationRequest body, Principal admin) {
        AdminInvitationRequest request = body == null ? new AdminInvitationRequest(null, null) : body;
        String problem = AdminInvitationRequest.problem(request.note(), request.validityDays());
        if (problem != null) {
            ProblemDetail detail = ProblemDetail.forStatus(400);
            detail.setDetail(problem);
            return ResponseEntity.badRequest().body(detail);
        }
        RegistrationInvitations.Created created = invitations.create(
                request.note(), AdminInvitationRequest.validity(request.validityDays()), "admin " + admin.getName());
        return ResponseEntity.status(201).body(new InvitationCreated(created.url(), created.expiresAt()));
    }
}
