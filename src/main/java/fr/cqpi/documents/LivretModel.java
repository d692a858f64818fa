package fr.cqpi.documents;

import static fr.cqpi.documents.DocumentDates.ZONE;
import static fr.cqpi.documents.DocumentDates.day;
import static fr.cqpi.documents.DocumentDates.heldOn;
import static fr.cqpi.documents.DocumentDates.shortDay;

import fr.cqpi.evaluation.EvaluatorRole;
import fr.cqpi.evaluation.Judgment;
import fr.cqpi.evaluation.JudgmentStatus;
import fr.cqpi.evaluation.LearnerGrid;
import fr.cqpi.evaluation.Results;
import fr.cqpi.evidence.Evidence;
import fr.cqpi.jury.Jury;
import fr.cqpi.jury.JuryDecision;
import fr.cqpi.jury.JurySession;
import fr.cqpi.referentiel.Referentiel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the livret's template shows of each bloc: its competences and criteria with each evaluator's judgment, the
 * jury's decision, a pending recours and the evidence attached.
 */
final class LivretModel {

    private LivretModel() {}

    /**
     * One evaluator's judgment of a criterion: the évaluateur habilité's (EVALUATEUR) or the tuteur entreprise's
     * (TUTEUR), as {@code role} says.
     */
    record EvaluatorJudgment(
            String role, String evaluator, JudgmentStatus status, String modality, String date, String comment) {}

    record LivretCriterion(String code, String text, List<EvaluatorJudgment> judgments) {}

    record LivretCompetence(
            String code, String title, String state, int acquis, int total, List<LivretCriterion> criteria) {}

    record LivretBloc(
            String code,
            String title,
            String modalities,
            Results.BlocResult result,
            String juryDate,
            String reason,
            String preconisations,
            String recoursPendingSince,
            List<LivretCompetence> competences,
            List<EvidenceLine> evidence) {}

    /** A piece of evidence as the livret lists it (a file's name, type and size, or a link's URL). */
    record EvidenceLine(
            String criterionCode,
            String title,
            String type,
            String size,
            String url,
            String date,
            String addedBy,
            boolean byCandidate) {}

    static List<LivretBloc> blocs(
            LearnerGrid grid,
            Jury.CandidateFile file,
            Map<String, JuryDecision> standing,
            Map<Long, JurySession> sessions,
            List<Evidence> evidence,
            Locale locale) {
        List<LivretBloc> blocs = new ArrayList<>();
        for (Referentiel.Bloc b : grid.referentiel().blocs()) {
            Map<String, String> modalities = b.modalities().stream()
                    .collect(Collectors.toMap(
                            Referentiel.Modality::code, Referentiel.Modality::label, (x, y) -> x, LinkedHashMap::new));
            JuryDecision d = standing.get(b.code());
            blocs.add(new LivretBloc(
                    b.code(),
                    b.title(),
                    String.join(" · ", modalities.values()),
                    grid.results().bloc(b.code()).orElseThrow(),
                    d == null ? null : day(heldOn(sessions, d), locale),
                    d == null ? null : d.reason(),
                    d == null ? null : d.preconisations(),
                    file.pendingRecours(b.code()).stream()
                            .map(r -> day(r.filedOn(), locale))
                            .findFirst()
                            .orElse(null),
                    competences(grid, b, modalities),
                    evidence.stream()
                            .filter(e -> e.blocCode().equals(b.code()))
                            .map(LivretModel::line)
                            .toList()));
        }
        return blocs;
    }

    private static List<LivretCompetence> competences(
            LearnerGrid grid, Referentiel.Bloc b, Map<String, String> modalities) {
        List<LivretCompetence> competences = new ArrayList<>();
        for (Referentiel.Competence c : b.competences()) {
            Results.CompetenceResult cr = grid.results().competence(c.code()).orElseThrow();
            List<LivretCriterion> criteria = new ArrayList<>();
            for (Referentiel.Criterion k : c.criteria()) {
                criteria.add(new LivretCriterion(k.code(), k.text(), judgments(grid, k, modalities)));
            }
            competences.add(
                    new LivretCompetence(c.code(), c.title(), cr.state().name(), cr.acquis(), cr.total(), criteria));
        }
        return competences;
    }

    private static List<EvaluatorJudgment> judgments(
            LearnerGrid grid, Referentiel.Criterion k, Map<String, String> modalities) {
        List<EvaluatorJudgment> judgments = new ArrayList<>();
        for (EvaluatorRole role : EvaluatorRole.values()) {
            Judgment j = grid.judgment(k.code(), role);
            if (j.updatedAt() != null) {
                judgments.add(new EvaluatorJudgment(
                        role.name(),
                        j.updatedByName() != null ? j.updatedByName() : j.updatedBySub(),
                        j.status(),
                        j.modality() == null ? null : modalities.getOrDefault(j.modality(), j.modality()),
                        shortDay(LocalDate.ofInstant(j.updatedAt(), ZONE)),
                        j.comment()));
            }
        }
        return judgments;
    }

    private static EvidenceLine line(Evidence e) {
        return new EvidenceLine(
                e.criterionCode(),
                e.title(),
                e.typeLabel(),
                e.sizeLabel(),
                e.url(),
                shortDay(LocalDate.ofInstant(e.addedAt(), ZONE)),
                e.addedBy(),
                e.addedAs() == Evidence.AddedAs.LEARNER);
    }
}
