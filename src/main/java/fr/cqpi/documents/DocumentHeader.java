package fr.cqpi.documents;

import fr.cqpi.referentiel.Referentiel;
import fr.cqpi.shared.QrCodes;
import java.util.Locale;

/** The head and foot of every document. */
record DocumentHeader(
        DocumentKind kind,
        String number,
        String issuedOn,
        String verificationUrl,
        String qrCode,
        String certification,
        String certifyingBody,
        String certifyingBodyFullName,
        String qualificationType,
        String issuer) {

    static DocumentHeader of(DocumentNumbers.Numbered n, DocumentFacts facts, Referentiel r, Locale locale) {
        return new DocumentHeader(
                facts.kind(),
                n.number(),
                DocumentDates.day(facts.issuedOn(), locale),
                n.url(),
                QrCodes.dataUri(n.url()),
                r.title(),
                r.certifyingBody(),
                r.certifyingBodyFullName(),
                r.qualificationType(),
                facts.issuer());
    }
}
