package fr.cqpi.credentials;

import fr.cqpi.course.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A candidate's verifiable credentials in JSON API v1: the learner themself and the évaluateurs habilités only. */
@RestController
@RequestMapping("/api/v1")
@Tag(
        name = "Credentials",
        description = "Open Badges 3.0 credentials of the blocs the jury validated (VC-JWT and JSON-LD with an"
                + " eddsa-rdfc-2022 proof), public at their id")
class CredentialsApiController {

    private final Credentials credentials;

    CredentialsApiController(Credentials credentials) {
        this.credentials = credentials;
    }

    /** {@code json} is the stored credential as issued (a string, byte for byte what was signed). */
    record CredentialView(String id, String blocCode, String status, Instant issuedAt, String jwt, String json) {
        static CredentialView of(IssuedCredential c) {
            return new CredentialView(
                    c.id().toString(), c.blocCode(), c.status().name(), c.issuedAt(), c.jwt(), c.json());
        }
    }

    @GetMapping("/learners/{learnerId}/credentials")
    @Operation(
            summary = "The candidate's credentials, oldest first: id, blocCode (or CERTIFICATE), status (VALID,"
                    + " REVOKED), issuedAt, the compact VC-JWT and the JSON with its embedded proof (the learner"
                    + " themself and the course's evaluators)")
    List<CredentialView> ofLearner(Actor actor, @PathVariable("learnerId") String learnerSub) {
        return credentials.ofLearner(actor, learnerSub).stream()
                .map(CredentialView::of)
                .toList();
    }
}
