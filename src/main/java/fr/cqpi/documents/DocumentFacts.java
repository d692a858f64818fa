package fr.cqpi.documents;

import java.time.LocalDate;
import java.util.List;

/**
 * What an issued document states, as stored beside its PDF: exactly what its public verification page confirms.
 * {@code holder} is null for a procès-verbal; {@code juryDate} / {@code juryPlace} name the session of a
 * procès-verbal, {@code candidates} counts its candidates. {@code issuer} is the training organisation that issued
 * it (null when none is configured); the last three are null in documents issued before they were stated.
 */
public record DocumentFacts(
        DocumentKind kind,
        String number,
        LocalDate issuedOn,
        String holder,
        String certification,
        String certifyingBody,
        List<BlocFact> blocs,
        LocalDate juryDate,
        String juryPlace,
        Integer candidates,
        String qualificationType,
        String certifyingBodyFullName,
        String issuer) {

    /**
     * A bloc as the document states it: {@code status} is a word of the document's kind (the bloc state for a
     * livret, VALIDE for the blocs an attestation or certificate confers, NON_VALIDE / NON_PRESENTE for the
     * others), {@code juryDate} the date of the jury that decided it, if any.
     */
    public record BlocFact(String code, String title, String status, LocalDate juryDate) {}
}
