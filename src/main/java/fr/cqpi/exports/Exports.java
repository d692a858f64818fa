package fr.cqpi.exports;

import fr.cqpi.course.Actor;
import fr.cqpi.course.CourseMember;
import fr.cqpi.evaluation.CohortRow;
import fr.cqpi.evaluation.EvaluationQueries;
import fr.cqpi.evaluation.JudgmentExports;
import fr.cqpi.evaluation.Results;
import fr.cqpi.referentiel.Referentiel;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The cohort (one learner per row: every bloc's state, score, proposition and decision, every compétence's
 * state) and every judgment (one per row), in the launch's language. Evaluators only: the queries check it.
 */
@Service
public class Exports {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final EvaluationQueries queries;
    private final JudgmentExports judgments;
    private final MessageSource messages;

    Exports(EvaluationQueries queries, JudgmentExports judgments, MessageSource messages) {
        this.queries = queries;
        this.judgments = judgments;
        this.messages = messages;
    }

    /** Reads the cohort before writing anything, so that a refusal is a clean 403, not a cut file. */
    public Export cohort(Actor actor, ExportFormat format, Locale locale) {
        List<CohortRow> rows = queries.cohort(actor);
        Referentiel referentiel = queries.referentiel();
        Words words = new Words(messages, locale);
        return out -> {
            try (SheetWriter sheet = format.open(out, words.get("export.cohort.sheet"))) {
                sheet.header(cohortHeader(referentiel, words));
                for (CohortRow row : rows) {
                    sheet.row(cohortRow(row, referentiel, words));
                }
            }
        };
    }

    public Export judgments(Actor actor, ExportFormat format, Locale locale) {
        Referentiel referentiel = queries.referentiel();
        queries.learners(actor);
        Words words = new Words(messages, locale);
        return out -> {
            try (SheetWriter sheet = format.open(out, words.get("export.judgments.sheet"))) {
                sheet.header(List.of(
                        words.get("export.col.learner"),
                        words.get("export.col.email"),
                        words.get("export.col.bloc"),
                        words.get("export.col.competence"),
                        words.get("export.col.criterion"),
                        words.get("export.col.criterionText"),
                        words.get("export.col.status"),
                        words.get("export.col.modality"),
                        words.get("export.col.comment"),
                        words.get("export.col.evaluator"),
                        words.get("export.col.role"),
                        words.get("export.col.session"),
                        words.get("export.col.sessionDate"),
                        words.get("export.col.date")));
                Map<String, List<String>> criterionCells = criterionCells(referentiel);
                Map<String, String> statusWords = new HashMap<>();
                Map<String, String> modalityLabels = new HashMap<>();
                judgments.forEach(actor, line -> {
                    List<Object> cells = new ArrayList<>(14);
                    cells.add(line.learner().displayName());
                    cells.add(line.learner().email());
                    cells.addAll(criterionCells.getOrDefault(
                            line.criterionCode(), Arrays.asList(null, null, line.criterionCode(), null)));
                    cells.add(statusWords.computeIfAbsent(line.status().name(), k -> words.get("status." + k)));
                    cells.add(
                            line.modality() == null
                                    ? null
                                    : modalityLabels.computeIfAbsent(
                                            line.criterionCode() + ' ' + line.modality(),
                                            k -> referentiel.modalityLabel(line.criterionCode(), line.modality())));
                    cells.add(line.comment());
                    cells.add(line.evaluatorName());
                    cells.add(words.get("export.role." + line.evaluatorRole()));
                    cells.add(line.sessionKind() == null ? null : words.get("evalsession.kind." + line.sessionKind()));
                    cells.add(line.sessionDate());
                    cells.add(wallClock(line.judgedAt()));
                    write(sheet, cells);
                });
            }
        };
    }

    /** Bloc, compétence, code and text of each criterion, looked up once per export rather than once per row. */
    private static Map<String, List<String>> criterionCells(Referentiel referentiel) {
        Map<String, List<String>> cells = new HashMap<>();
        for (Referentiel.Bloc bloc : referentiel.blocs()) {
            for (Referentiel.Competence competence : bloc.competences()) {
                for (Referentiel.Criterion criterion : competence.criteria()) {
                    cells.put(
                            criterion.code(),
                            List.of(bloc.code(), competence.code(), criterion.code(), criterion.text()));
                }
            }
        }
        return cells;
    }

    private static List<String> cohortHeader(Referentiel referentiel, Words words) {
        List<String> header = new ArrayList<>();
        header.add(words.get("export.col.learner"));
        header.add(words.get("export.col.email"));
        header.add(words.get("export.col.lastEvaluation"));
        for (Referentiel.Bloc bloc : referentiel.blocs()) {
            String code = bloc.code();
            header.add(words.get("export.col.blocState", code));
            header.add(words.get("export.col.blocScore", code));
            header.add(words.get("export.col.blocAcquis", code));
            header.add(words.get("export.col.blocEvaluated", code));
            header.add(words.get("export.col.blocProposition", code));
            header.add(words.get("export.col.blocDecision", code));
        }
        referentiel.competences().forEach(c -> header.add(words.get("export.col.competenceState", c.code())));
        return header;
    }

    private static List<Object> cohortRow(CohortRow row, Referentiel referentiel, Words words) {
        CourseMember learner = row.learner();
        Results results = row.results();
        List<Object> cells = new ArrayList<>();
        cells.add(learner.displayName());
        cells.add(learner.email());
        cells.add(wallClock(row.lastJudgedAt()));
        for (Referentiel.Bloc bloc : referentiel.blocs()) {
            var result = results.bloc(bloc.code()).orElseThrow();
            cells.add(words.get("bloc.state." + result.state()));
            cells.add(result.score());
            cells.add(result.acquis());
            cells.add(result.evaluated());
            cells.add(result.proposition() == null ? null : words.get("bloc.proposition." + result.proposition()));
            cells.add(result.decision() == null ? null : words.get("bloc.decision." + result.decision()));
        }
        referentiel
                .competences()
                .forEach(c -> cells.add(results.competence(c.code())
                        .map(r -> words.get("competence.state." + r.state()))
                        .orElse(null)));
        return cells;
    }

    private static void write(SheetWriter sheet, List<?> cells) {
        try {
            sheet.row(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocalDateTime wallClock(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, PARIS);
    }

    /** An export ready to be written: access was checked when it was made. */
    @FunctionalInterface
    public interface Export {
        void writeTo(OutputStream out) throws IOException;
    }

    private record Words(MessageSource messages, Locale locale) {
        String get(String key, Object... args) {
            return messages.getMessage(key, args, locale);
        }
    }
}
