package fr.cqpi.documents;

import static fr.cqpi.documents.DocumentDates.heldOn;

import fr.cqpi.evaluation.Decision;
import fr.cqpi.evaluation.LearnerGrid;
import fr.cqpi.jury.Jury;
import fr.cqpi.jury.JuryDecision;
import fr.cqpi.jury.JurySession;
import fr.cqpi.referentiel.Referentiel;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** When a document may be issued, and why not when it may not. */
final class IssuingRules {

    private IssuingRules() {}

    /** What a candidate's documents are made of: the grid, the jury's file and sessions, the standing decisions. */
    record CandidateState(
            LearnerGrid grid,
            Jury.CandidateFile file,
            Map<Long, JurySession> sessions,
            Map<String, JuryDecision> standing) {}

    /**
     * Why the document cannot be issued on {@code today}, if it cannot: a certificate needs every bloc VALIDE and an
     * attestation one; neither is issued while a recours that could change it is pending (the livret, a record of
     * the evaluation on its date, is); no document is issued before a decision it states, i.e. before its jury's
     * date.
     */
    static Optional<DocumentRefusedException> refusal(DocumentKind kind, CandidateState state, LocalDate today) {
        Referentiel referentiel = state.grid().referentiel();
        int total = referentiel.blocs().size();
        List<String> notValidated = referentiel.blocs().stream()
                .map(Referentiel.Bloc::code)
                .filter(b -> state.grid()
                        .results()
                        .bloc(b)
                        .map(r -> r.decision() != Decision.VALIDE)
                        .orElse(true))
                .toList();
        if (kind == DocumentKind.CERTIFICAT && !notValidated.isEmpty()) {
            String blocs = String.join(", ", notValidated);
            return Optional.of(new DocumentRefusedException(
                    "blocs_not_all_validated",
                    "the certificate is issued only when the jury validated all " + total + " blocs; not validated: "
                            + blocs,
                    total,
                    blocs));
        }
        if (kind == DocumentKind.ATTESTATION && notValidated.size() == total) {
            return Optional.of(new DocumentRefusedException(
                    "no_bloc_validated", "no bloc of this candidate is validated by a jury: nothing to attest"));
        }
        if (kind != DocumentKind.LIVRET) {
            List<String> pending = referentiel.blocs().stream()
                    .map(Referentiel.Bloc::code)
                    .filter(b -> !state.file().pendingRecours(b).isEmpty())
                    .toList();
            if (!pending.isEmpty()) {
                String blocs = String.join(", ", pending);
                return Optional.of(new DocumentRefusedException(
                        "recours_pending",
                        "a recours is pending on " + blocs + ": its decision could change this document; issue it"
                                + " once the jury has decided the recours",
                        blocs));
            }
        }
        return referentiel.blocs().stream()
                .map(b -> state.standing().get(b.code()))
                .filter(Objects::nonNull)
                .filter(d -> heldOn(state.sessions(), d).isAfter(today))
                .findFirst()
                .map(d -> new DocumentRefusedException(
                        "decision_after_issue",
                        "the document cannot be issued before the decision it states: " + d.blocCode()
                                + " is decided by the jury of " + heldOn(state.sessions(), d),
                        d.blocCode(),
                        heldOn(state.sessions(), d)));
    }

    /** A procès-verbal states a session's deliberations: not before the session is held. */
    static Optional<DocumentRefusedException> minutesRefusal(JurySession session, LocalDate today) {
        return session.heldOn().isAfter(today)
                ? Optional.of(new DocumentRefusedException(
                        "session_not_held_yet",
                        "the procès-verbal of the jury session of " + session.heldOn() + " is issued on or after that"
                                + " date",
                        session.heldOn()))
                : Optional.empty();
    }
}
