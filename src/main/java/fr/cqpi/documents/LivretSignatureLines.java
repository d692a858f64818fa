package fr.cqpi.documents;

import fr.cqpi.evaluation.LivretSignatures;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The livret's signatures as its PDF states them: per session, each role's signature or its absence, dates written. */
record LivretSignatureLines(String kind, String heldOn, String label, List<Line> lines) {

    /** {@code typed} null when the role has not signed. */
    record Line(String role, String name, String typed, String signedOn, boolean changed) {}

    static List<LivretSignatureLines> of(List<LivretSignatures.SessionLivret> livrets, Locale locale) {
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(DocumentDates.ZONE);
        return livrets.stream()
                .map(l -> new LivretSignatureLines(
                        l.session().kind().name(),
                        DocumentDates.day(l.session().heldOn(), locale),
                        l.session().label(),
                        Arrays.stream(LivretSignatures.SignerRole.values())
                                .map(role -> {
                                    LivretSignatures.Signature s = l.of(role);
                                    return s == null
                                            ? new Line(role.name(), null, null, null, false)
                                            : new Line(
                                                    role.name(),
                                                    s.signerName(),
                                                    s.typedSignature(),
                                                    when.format(s.signedAt()),
                                                    s.contentChanged());
                                })
                                .toList()))
                .toList();
    }
}
