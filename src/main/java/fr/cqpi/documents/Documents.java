package fr.cqpi.documents;

import fr.cqpi.course.Actor;
import fr.cqpi.course.CourseMember;
import fr.cqpi.documents.DocumentFacts.BlocFact;
import fr.cqpi.documents.DocumentNumbers.Numbered;
import fr.cqpi.documents.IssuingRules.CandidateState;
import fr.cqpi.evaluation.Decision;
import fr.cqpi.evaluation.EvaluationQueries;
import fr.cqpi.evaluation.LearnerAccess;
import fr.cqpi.evaluation.LearnerGrid;
import fr.cqpi.evaluation.LivretSignatures;
import fr.cqpi.evaluation.Results;
import fr.cqpi.evidence.EvidenceService;
import fr.cqpi.jury.Jury;
import fr.cqpi.jury.JuryDecision;
import fr.cqpi.jury.JurySession;
import fr.cqpi.referentiel.Referentiel;
import fr.cqpi.shared.CivilDates;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, lists and serves the documents of a course. Issuing is for the evaluators of the course (who act as jury);
 * a learner lists and downloads only what was issued for them (livret, attestation, certificat), never a
 * procès-verbal nor another learner's document. An issued document is stored with its PDF and the facts it states
 * and is never rendered again: a download returns the stored bytes, issuing again makes a new number.
 */
@Service
public class Documents {

    private final DocumentRepository repository;
    private final DocumentNumbers numbers;
    private final DocumentArchive archive;
    private final PdfRenderer renderer;
    private final LearnerAccess access;
    private final EvaluationQueries evaluation;
    private final Jury jury;
    private final EvidenceService evidence;
    private final LivretSignatures signatures;
    private final Clock clock;
    private final DocumentsProperties properties;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<CredentialLinks> credentialLinks;

    Documents(
            DocumentRepository repository,
            DocumentNumbers numbers,
            DocumentArchive archive,
            PdfRenderer renderer,
            LearnerAccess access,
            EvaluationQueries evaluation,
            Jury jury,
            EvidenceService evidence,
            LivretSignatures signatures,
            Clock clock,
            DocumentsProperties properties,
            ApplicationEventPublisher events,
            ObjectProvider<CredentialLinks> credentialLinks) {
        this.repository = repository;
        this.numbers = numbers;
        this.archive = archive;
        this.renderer = renderer;
        this.access = access;
        this.evaluation = evaluation;
        this.jury = jury;
        this.evidence = evidence;
        this.signatures = signatures;
        this.clock = clock;
        this.properties = properties;
        this.events = events;
        this.credentialLinks = credentialLinks;
    }

    /** A document just issued, and the numbers issued before it of the same kind for the same holder or session. */
    public record Issued(IssuedDocument document, List<String> earlier) {}

    /** An issued PDF, exactly as stored; {@code learnerId} null for a jury's procès-verbal. */
    public record StoredPdf(String number, DocumentKind kind, Long learnerId, byte[] bytes) {}

    /** What the public verification page shows. */
    public record Verified(DocumentFacts facts, Instant issuedAt) {}

    /**
     * A kind of document a candidate may be given, and why it cannot be issued now ({@code refusal}, null when it
     * can): what the pages offer.
     */
    public record Offer(DocumentKind kind, DocumentRefusedException refusal) {

        public boolean issuable() {
            return refusal == null;
        }
    }

    /** What an evaluator may issue for the learner now, kind by kind; nothing for anyone else. */
    @Transactional(readOnly = true)
    public List<Offer> offers(Actor actor, String learnerSub) {
        if (!actor.isEvaluator()) {
            return List.of();
        }
        access.toJudge(actor, learnerSub);
        CandidateState state = state(actor, learnerSub);
        LocalDate today = CivilDates.today(clock);
        return Arrays.stream(DocumentKind.values())
                .filter(DocumentKind::isCandidates)
                .map(k -> new Offer(k, IssuingRules.refusal(k, state, today).orElse(null)))
                .toList();
    }

    @Transactional
    public Issued issueForLearner(Actor actor, String learnerSub, String kindName, Locale locale, String baseUrl) {
        DocumentKind kind = kind(kindName);
        if (!kind.isCandidates()) {
            throw new InvalidDocumentRequestException(
                    "kind", "a procès-verbal is issued for a jury session: POST /api/v1/jury-sessions/{id}/documents");
        }
        CourseMember learner = access.toJudge(actor, learnerSub);
        CandidateState state = state(actor, learnerSub);
        LearnerGrid grid = state.grid();
        Map<Long, JurySession> sessions = state.sessions();
        Map<String, JuryDecision> standing = state.standing();
        Referentiel referentiel = grid.referentiel();
        Optional<DocumentRefusedException> refused = IssuingRules.refusal(kind, state, CivilDates.today(clock));
        if (refused.isPresent()) {
            throw refused.get();
        }

        List<String> earlier = repository.ofLearner(actor.courseId(), learner.userId()).stream()
                .filter(r -> r.kind() == kind)
                .map(DocumentRepository.Row::number)
                .toList();
        Numbered numbered = numbers.next(baseUrl);
        List<BlocFact> blocs = new ArrayList<>();
        for (Referentiel.Bloc b : referentiel.blocs()) {
            Results.BlocResult r = grid.results().bloc(b.code()).orElseThrow();
            JuryDecision d = standing.get(b.code());
            LocalDate juryDate = d == null ? null : DocumentDates.heldOn(sessions, d);
            String status = kind == DocumentKind.LIVRET
                    ? r.state().name()
                    : r.decision() == null ? "NON_PRESENTE" : r.decision().name();
            if (kind == DocumentKind.LIVRET || kind == DocumentKind.CERTIFICAT || r.decision() == Decision.VALIDE) {
                blocs.add(new BlocFact(b.code(), b.title(), status, juryDate));
            }
        }
        DocumentFacts facts = facts(kind, numbered, learner.displayName(), referentiel, blocs, null, null, null);

        Map<String, Object> model = new HashMap<>();
        model.put("doc", DocumentHeader.of(numbered, facts, referentiel, locale));
        model.put("holder", learner.displayName());
        String template = switch (kind) {
            case LIVRET -> {
                model.put(
                        "blocs",
                        LivretModel.blocs(
                                grid, state.file(), standing, sessions, evidence.list(actor, learnerSub), locale));
                model.put("signatures", LivretSignatureLines.of(signatures.of(actor, learnerSub), locale));
                yield "livret";
            }
            case ATTESTATION, CERTIFICAT -> {
                model.put("blocs", AttestationModel.blocs(referentiel, grid.results(), standing, sessions, locale));
                model.put("juryDate", AttestationModel.latestJury(blocs, locale));
                CredentialLinks links = credentialLinks.getIfAvailable();
                model.put(
                        "credentialLinks",
                        links == null ? Map.of() : links.inForce(actor.courseId(), learner.userId()));
                yield kind == DocumentKind.ATTESTATION ? "attestation" : "certificat";
            }
            case PROCES_VERBAL -> throw new IllegalStateException();
        };
        byte[] pdf = renderer.pdf(template, locale, model);
        Issued issued = new Issued(
                archive.keep(actor, numbered, kind, learner.userId(), learner.sub(), null, locale, facts, pdf),
                earlier);
        events.publishEvent(new DocumentIssued(
                actor.platformId(), actor.courseId(), learner.ref(), learner.displayName(), kind, numbered.number()));
        return issued;
    }

    private CandidateState state(Actor actor, String learnerSub) {
        Jury.CandidateFile file = jury.candidate(actor, learnerSub);
        return new CandidateState(
                evaluation.grid(actor, learnerSub),
                file,
                jury.sessions(actor).stream().collect(Collectors.toMap(JurySession::id, Function.identity())),
                JuryDecision.standing(file.decisions()));
    }

    /** Whether the procès-verbal of the session can be issued now (evaluators of the course). */
    @Transactional(readOnly = true)
    public Offer offerForSession(Actor actor, long sessionId) {
        return new Offer(
                DocumentKind.PROCES_VERBAL,
                IssuingRules.minutesRefusal(jury.session(actor, sessionId), CivilDates.today(clock))
                        .orElse(null));
    }

    @Transactional
    public Issued issueForSession(Actor actor, long sessionId, Locale locale, String baseUrl) {
        JurySession session = jury.session(actor, sessionId);
        List<JuryDecision> decisions = jury.decisionsOfSession(actor, sessionId);
        Referentiel referentiel = evaluation.referentiel();
        Optional<DocumentRefusedException> refused = IssuingRules.minutesRefusal(session, CivilDates.today(clock));
        if (refused.isPresent()) {
            throw refused.get();
        }
        List<String> earlier = repository.ofSession(actor.courseId(), sessionId).stream()
                .map(DocumentRepository.Row::number)
                .toList();
        Numbered numbered = numbers.next(baseUrl);
        DocumentFacts facts = facts(
                DocumentKind.PROCES_VERBAL,
                numbered,
                null,
                referentiel,
                List.of(),
                session.heldOn(),
                session.place(),
                session.candidates().size());
        Map<String, Object> model = new HashMap<>();
        model.put("doc", DocumentHeader.of(numbered, facts, referentiel, locale));
        model.put("juryDate", DocumentDates.day(session.heldOn(), locale));
        model.put("place", session.place());
        model.put("members", session.members());
        model.put("votingMembers", session.votingMembers());
        model.put("castingVoteRule", session.presidentCastingVote());
        model.put("candidates", MinutesModel.candidates(session, decisions, referentiel));
        byte[] pdf = renderer.pdf("proces-verbal", locale, model);
        return new Issued(
                archive.keep(actor, numbered, DocumentKind.PROCES_VERBAL, null, null, sessionId, locale, facts, pdf),
                earlier);
    }

    private DocumentFacts facts(
            DocumentKind kind,
            Numbered numbered,
            String holder,
            Referentiel referentiel,
            List<BlocFact> blocs,
            LocalDate juryDate,
            String juryPlace,
            Integer candidates) {
        return new DocumentFacts(
                kind,
                numbered.number(),
                LocalDate.ofInstant(numbered.at(), DocumentDates.ZONE),
                holder,
                referentiel.title(),
                referentiel.certifyingBody(),
                blocs,
                juryDate,
                juryPlace,
                candidates,
                referentiel.qualificationType(),
                referentiel.certifyingBodyFullName(),
                properties.issuerOrNull());
    }

    /** The documents issued for a learner, latest first: for the evaluators of the course, or the learner themself. */
    @Transactional(readOnly = true)
    public List<IssuedDocument> ofLearner(Actor actor, String learnerSub, String baseUrl) {
        CourseMember learner = access.toRead(actor, learnerSub);
        return repository.ofLearner(actor.courseId(), learner.userId()).stream()
                .filter(r -> actor.isEvaluator() || r.kind().learnerMayRead())
                .map(r -> DocumentArchive.view(r, learner.sub(), baseUrl))
                .toList();
    }

    /** The procès-verbaux issued for a jury session, latest first (evaluators only). */
    @Transactional(readOnly = true)
    public List<IssuedDocument> ofSession(Actor actor, long sessionId, String baseUrl) {
        jury.session(actor, sessionId);
        // A procès-verbal has no holder (the table's check says so).
        return repository.ofSession(actor.courseId(), sessionId).stream()
                .map(r -> DocumentArchive.view(r, null, baseUrl))
                .toList();
    }

    /** The stored PDF: an evaluator of the course any, a learner only one issued for them. */
    @Transactional(readOnly = true)
    public StoredPdf pdf(Actor actor, String number) {
        if (!actor.hasCourse()) {
            throw new AccessDeniedException("The launch has no course context");
        }
        DocumentRepository.Row row =
                repository.inCourse(actor.courseId(), number).orElseThrow(() -> new DocumentNotFoundException(number));
        boolean allowed = actor.isEvaluator()
                || (actor.isLearner()
                        && row.kind().learnerMayRead()
                        && row.learnerId() != null
                        && row.learnerId() == actor.userId());
        if (!allowed) {
            throw new AccessDeniedException("A learner downloads only the documents issued for them");
        }
        return new StoredPdf(row.number(), row.kind(), row.learnerId(), repository.pdf(row.id()));
    }

    /**
     * The facts of the document whose verification reference ({@code NUMBER-TOKEN}) this is; empty when the number
     * is unknown or the token does not match (the two are not told apart).
     */
    @Transactional(readOnly = true)
    public Optional<Verified> verify(String reference) {
        int dash = reference == null ? -1 : reference.lastIndexOf('-');
        if (dash <= 0 || reference.length() > 80) {
            return Optional.empty();
        }
        String number = reference.substring(0, dash);
        byte[] token = reference.substring(dash + 1).getBytes(StandardCharsets.UTF_8);
        return repository
                .byNumber(number)
                .filter(r -> MessageDigest.isEqual(r.token().getBytes(StandardCharsets.UTF_8), token))
                .map(r -> new Verified(repository.facts(r.id()), r.issuedAt()));
    }

    private static DocumentKind kind(String name) {
        try {
            return DocumentKind.valueOf(name == null ? "" : name.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidDocumentRequestException(
                    "kind",
                    "'" + name + "' is not one of "
                            + Arrays.stream(DocumentKind.values())
                                    .filter(DocumentKind::isCandidates)
                                    .map(Enum::name)
                                    .collect(Collectors.joining(", ")));
        }
    }
}
