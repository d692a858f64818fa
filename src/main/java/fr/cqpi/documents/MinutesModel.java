package fr.cqpi.documents;

import fr.cqpi.jury.JuryDecision;
import fr.cqpi.jury.JurySession;
import fr.cqpi.referentiel.Referentiel;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What the procès-verbal's template shows of a jury session's candidates and their decisions. */
final class MinutesModel {

    private MinutesModel() {}

    record CandidateDecisions(String name, List<DecisionLine> decisions) {}

    record DecisionLine(String blocCode, String blocTitle, JuryDecision decision, boolean onRecours) {}

    static List<CandidateDecisions> candidates(
            JurySession session, List<JuryDecision> decisions, Referentiel referentiel) {
        Map<String, List<JuryDecision>> bySub =
                decisions.stream().collect(Collectors.groupingBy(JuryDecision::learnerSub));
        return session.candidates().stream()
                .map(c -> new CandidateDecisions(
                        c.displayName(),
                        bySub.getOrDefault(c.sub(), List.of()).stream()
                                .map(d -> new DecisionLine(
                                        d.blocCode(),
                                        referentiel
                                                .bloc(d.blocCode())
                                                .map(Referentiel.Bloc::title)
                                                .orElse(d.blocCode()),
                                        d,
                                        d.recoursId() != null))
                                .toList()))
                .toList();
    }
}
