package fr.cqpi.documents;

import static fr.cqpi.documents.DocumentDates.day;
import static fr.cqpi.documents.DocumentDates.heldOn;

import fr.cqpi.documents.DocumentFacts.BlocFact;
import fr.cqpi.evaluation.Decision;
import fr.cqpi.evaluation.Results;
import fr.cqpi.jury.JuryDecision;
import fr.cqpi.jury.JurySession;
import fr.cqpi.referentiel.Referentiel;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** What the templates of an attestation and a certificate show of the blocs and their jury. */
final class AttestationModel {

    private AttestationModel() {}

    /** A bloc on an attestation or a certificate: validated (and when), or what the jury recommends. */
    record AttestedBloc(
            String code, String title, boolean validated, Decision decision, String juryDate, String preconisations) {}

    static List<AttestedBloc> blocs(
            Referentiel referentiel,
            Results results,
            Map<String, JuryDecision> standing,
            Map<Long, JurySession> sessions,
            Locale locale) {
        return referentiel.blocs().stream()
                .map(b -> {
                    Results.BlocResult r = results.bloc(b.code()).orElseThrow();
                    JuryDecision d = standing.get(b.code());
                    return new AttestedBloc(
                            b.code(),
                            b.title(),
                            r.decision() == Decision.VALIDE,
                            r.decision(),
                            d == null ? null : day(heldOn(sessions, d), locale),
                            d == null ? null : d.preconisations());
                })
                .toList();
    }

    /** The date of the latest jury among the blocs the document states. */
    static String latestJury(List<BlocFact> blocs, Locale locale) {
        return blocs.stream()
                .map(BlocFact::juryDate)
                .filter(Objects::nonNull)
                .max(LocalDate::compareTo)
                .map(d -> day(d, locale))
                .orElse(null);
    }
}
