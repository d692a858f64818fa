package fr.cqpi.evaluation;

import fr.cqpi.course.Actor;
import fr.cqpi.course.CourseMember;
import fr.cqpi.referentiel.Referentiel;
import fr.cqpi.referentiel.ReferentielCatalog;
import fr.cqpi.shared.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records judgments: each evaluator role (évaluateur habilité, tuteur entreprise) its own, in an evaluation session;
 * validates them against the référentiel, refuses stale versions, appends the audit trail, and announces changed
 * bloc results (from the judgments the référentiel's rule counts), all in one transaction.
 */
@Service
public class JudgmentService {

    public static final int MAX_COMMENT_LENGTH = 4000;

    private final JudgmentRepository judgments;
    private final ReferentielCatalog catalog;
    private final LearnerAccess access;
    private final ApplicationEventPublisher events;
    private final StandingDecisions decisions;
    private final EvaluationSessions sessions;

    JudgmentService(
            JudgmentRepository judgments,
            ReferentielCatalog catalog,
            LearnerAccess access,
            ApplicationEventPublisher events,
            StandingDecisions decisions,
            EvaluationSessions sessions) {
        this.judgments = judgments;
        this.catalog = catalog;
        this.access = access;
        this.events = events;
        this.decisions = decisions;
        this.sessions = sessions;
    }

    /** The outcome of a save: the stored judgments and the learner's results after it. */
    public record Saved(List<Judgment> judgments, Results results) {}

    @Transactional
    public Saved record(
            Actor evaluator, String learnerSub, String criterionCode, JudgmentInput input, String requestId) {
        CourseMember learner = access.toJudge(evaluator, learnerSub);
        Referentiel referentiel = catalog.current().referentiel();
        Referentiel.Bloc bloc = referentiel
                .blocOfCriterion(criterionCode)
                .orElseThrow(() -> new UnknownCriterionException(criterionCode));
        Validated value = validate(bloc, input);
        return save(
                evaluator,
                learner,
                referentiel,
                List.of(criterionCode),
                existing -> value,
                input.version(),
                input.sessionId(),
                requestId);
    }

    /**
     * Sets the status of every criterion of a compétence at once (one audit row per criterion that changes). Each
     * criterion keeps its comment and its modality (the given modality goes only to those without one), unless
     * {@code replaceDetails}: then the modality is the given one (none if none) and comments are removed.
     */
    @Transactional
    public Saved recordCompetence(
            Actor evaluator,
            String learnerSub,
            String competenceCode,
            JudgmentInput input,
            boolean replaceDetails,
            String requestId) {
        CourseMember learner = access.toJudge(evaluator, learnerSub);
        Referentiel referentiel = catalog.current().referentiel();
        Referentiel.Bloc bloc = referentiel
                .blocOfCompetence(competenceCode)
                .orElseThrow(() -> new UnknownCriterionException(competenceCode));
        Validated value = validate(bloc, new JudgmentInput(input.status(), input.modality(), input.comment(), null));
        Long sessionId = input.sessionId();
        List<String> codes = referentiel.competence(competenceCode).orElseThrow().criteria().stream()
                .map(Referentiel.Criterion::code)
                .toList();
        return save(
                evaluator,
                learner,
                referentiel,
                codes,
                existing -> replaceDetails || existing == null
                        ? value
                        : new Validated(
                                value.status(),
                                existing.modality() != null ? existing.modality() : value.modality(),
                                existing.comment()),
                null,
                sessionId,
                requestId);
    }

    private Saved save(
            Actor evaluator,
            CourseMember learner,
            Referentiel referentiel,
            List<String> codes,
            java.util.function.Function<Judgment, Validated> valueFor,
            Integer expectedVersion,
            Long sessionId,
            String requestId) {
        long courseId = evaluator.courseId();
        EvaluatorRole role = EvaluatorRole.of(evaluator);
        judgments.lockLearner(courseId, learner.userId());
        EvaluationSession session = sessions.forJudgment(courseId, sessionId, evaluator.sub());
        EvaluatorJudgments all = judgments.findAll(courseId, learner.userId(), referentiel.code());
        Map<String, Judgment> current = all.of(role);
        // Under the learner's lock, which the jury's decisions take too: no judgment slips in after a decision.
        Map<String, Decision> decided = decisions.of(courseId, learner.userId());
        Results before = ResultCalculator.compute(referentiel, all.counted(referentiel.rules()), decided);

        List<Judgment> saved = new ArrayList<>();
        for (String code : codes) {
            Judgment existing = current.get(code);
            int currentVersion = existing == null ? 0 : existing.version();
            if (expectedVersion != null && expectedVersion != currentVersion) {
                throw new JudgmentConflictException(existing != null ? existing : Judgment.notEvaluated(code, role));
            }
            String blocCode = referentiel.blocOfCriterion(code).orElseThrow().code();
            if (decided.containsKey(blocCode) && decided.get(blocCode).locks()) {
                throw new BlocLockedException(blocCode, decided.get(blocCode));
            }
            Validated value = valueFor.apply(existing);
            // The same value again in another session is recorded: the later session confirms it.
            if (existing != null
                    && Objects.equals(existing.sessionId(), session.id())
                    && existing.status() == value.status()
                    && Objects.equals(existing.modality(), value.modality())
                    && Objects.equals(existing.comment(), value.comment())) {
                saved.add(existing);
                continue;
            }
            if (existing == null
                    && value.status() == JudgmentStatus.NON_EVALUE
                    && value.modality() == null
                    && value.comment() == null) {
                saved.add(Judgment.notEvaluated(code, role));
                continue;
            }
            Judgment after = existing == null
                    ? judgments.insert(
                            courseId,
                            learner.userId(),
                            referentiel.code(),
                            code,
                            role,
                            session.id(),
                            value.status(),
                            value.modality(),
                            value.comment(),
                            evaluator.sub(),
                            evaluator.displayName())
                    : judgments.update(
                            existing.id(),
                            session.id(),
                            value.status(),
                            value.modality(),
                            value.comment(),
                            evaluator.sub(),
                            evaluator.displayName());
            judgments.audit(
                    existing,
                    after,
                    evaluator.platformId(),
                    courseId,
                    learner.userId(),
                    learner.sub(),
                    evaluator.sub(),
                    evaluator.displayName(),
                    requestId);
            current.put(code, after);
            saved.add(after);
        }
        Results after = ResultCalculator.compute(referentiel, all.counted(referentiel.rules()), decided);
        List<Results.BlocResult> changed = after.blocs().stream()
                .filter(b -> !b.equals(before.bloc(b.code()).orElse(null)))
                .toList();
        if (!changed.isEmpty()) {
            events.publishEvent(new BlocResultsChanged(evaluator.platformId(), courseId, learner.ref(), changed));
        }
        return new Saved(saved, after);
    }

    /** Takes the learner's judgment lock for the caller's transaction: the jury decides under it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockLearner(long courseId, long learnerId) {
        judgments.lockLearner(courseId, learnerId);
    }

    private record Validated(JudgmentStatus status, String modality, String comment) {}

    private static Validated validate(Referentiel.Bloc bloc, JudgmentInput input) {
        if (input.status() == null || input.status().isBlank()) {
            throw new InvalidJudgmentException(
                    "status", "status is required: one of NON_EVALUE, NON_ACQUIS, EN_COURS, ACQUIS");
        }
        JudgmentStatus status;
        try {
            status = JudgmentStatus.valueOf(input.status().strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidJudgmentException(
                    "status",
                    "unknown status '" + input.status() + "': one of NON_EVALUE, NON_ACQUIS, EN_COURS, ACQUIS");
        }
        String modality = blankToNull(input.modality());
        if (modality != null && bloc.modality(modality).isEmpty()) {
            throw new InvalidJudgmentException(
                    "modality",
                    "modality '" + modality + "' is not one of bloc " + bloc.code() + "'s: "
                            + bloc.modalities().stream()
                                    .map(Referentiel.Modality::code)
                                    .toList());
        }
        String comment = blankToNull(input.comment());
        if (comment != null && comment.codePointCount(0, comment.length()) > MAX_COMMENT_LENGTH) {
            throw new InvalidJudgmentException(
                    "comment", "comment is longer than " + MAX_COMMENT_LENGTH + " characters");
        }
        if (!Texts.storable(comment)) {
            throw new InvalidJudgmentException(
                    "comment", "comment contains a control character or an unpaired surrogate");
        }
        if (input.version() != null && input.version() < 0) {
            throw new InvalidJudgmentException("version", "version must be 0 or more");
        }
        return new Validated(status, modality, comment);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
