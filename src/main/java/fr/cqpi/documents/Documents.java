package fr.cqpi.documents;

import fr.cqpi.course.Actor;
import fr.cqpi.course.CourseMember;
import fr.cqpi.documents.DocumentFacts.BlocFact;
import fr.cqpi.evaluation.Decision;
import fr.cqpi.evaluation.EvaluationQueries;
import fr.cqpi.evaluation.EvaluatorRole;
import fr.cqpi.evaluation.Judgment;
import fr.cqpi.evaluation.JudgmentStatus;
import fr.cqpi.evaluation.LearnerAccess;
import fr.cqpi.evaluation.LearnerGrid;
import fr.cqpi.evaluation.LivretSignatures;
import fr.cqpi.evaluation.Results;
import fr.cqpi.evidence.Evidence;
import fr.cqpi.evidence.EvidenceService;
import fr.cqpi.jury.Jury;
import fr.cqpi.jury.JuryDecision;
import fr.cqpi.jury.JurySession;
import fr.cqpi.referentiel.Referentiel;
import fr.cqpi.shared.CivilDates;
import fr.cqpi.shared.QrCodes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
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

    /** Dates on the documents are French civil dates. */
    static final ZoneId ZONE = CivilDates.FRANCE;

    private static final char[] TOKEN_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final int TOKEN_LENGTH = 24;

    private final DocumentRepository repository;
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
    private final SecureRandom random = new SecureRandom();

    Documents(
            DocumentRepository repository,
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

    /** The PDF of an issued document, exactly as stored. */
    /** An issued PDF; {@code learnerId} null for a jury's procès-verbal. */
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
                .map(k -> new Offer(k, refusal(k, state, today).orElse(null)))
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
        Optional<DocumentRefusedException> refused = refusal(kind, state, CivilDates.today(clock));
        if (refused.isPresent()) {
            throw refused.get();
        }

        List<String> earlier = repository.ofLearner(actor.courseId(), learner.userId()).stream()
                .filter(r -> r.kind() == kind)
                .map(DocumentRepository.Row::number)
                .toList();
        Numbered numbered = number(baseUrl);
        List<BlocFact> blocs = new ArrayList<>();
        for (Referentiel.Bloc b : referentiel.blocs()) {
            Results.BlocResult r = grid.results().bloc(b.code()).orElseThrow();
            JuryDecision d = standing.get(b.code());
            LocalDate juryDate = d == null ? null : heldOn(sessions, d);
            String status = kind == DocumentKind.LIVRET
                    ? r.state().name()
                    : r.decision() == null ? "NON_PRESENTE" : r.decision().name();
            if (kind == DocumentKind.LIVRET || kind == DocumentKind.CERTIFICAT || r.decision() == Decision.VALIDE) {
                blocs.add(new BlocFact(b.code(), b.title(), status, juryDate));
            }
        }
        DocumentFacts facts = facts(kind, numbered, learner.displayName(), referentiel, blocs, null, null, null);

        Map<String, Object> model = new HashMap<>();
        model.put("doc", header(numbered, facts, referentiel, locale));
        model.put("holder", learner.displayName());
        String template = switch (kind) {
            case LIVRET -> {
                model.put(
                        "blocs",
                        livret(grid, state.file(), standing, sessions, evidence.list(actor, learnerSub), locale));
                model.put("signatures", LivretSignatureLines.of(signatures.of(actor, learnerSub), locale));
                yield "livret";
            }
            case ATTESTATION, CERTIFICAT -> {
                model.put("blocs", attested(referentiel, grid.results(), standing, sessions, locale));
                model.put("juryDate", latestJury(blocs, locale));
                CredentialLinks links = credentialLinks.getIfAvailable();
                model.put(
                        "credentialLinks",
                        links == null ? Map.of() : links.inForce(actor.courseId(), learner.userId()));
                yield kind == DocumentKind.ATTESTATION ? "attestation" : "certificat";
            }
            case PROCES_VERBAL -> throw new IllegalStateException();
        };
        byte[] pdf = renderer.pdf(template, locale, model);
        Issued issued =
                store(actor, numbered, kind, learner.userId(), learner.sub(), null, locale, facts, pdf, earlier);
        events.publishEvent(new DocumentIssued(
                actor.platformId(), actor.courseId(), learner.ref(), learner.displayName(), kind, numbered.number()));
        return issued;
    }

    /** What a candidate's documents are made of: the grid, the jury's file and sessions, the standing decisions. */
    private record CandidateState(
            LearnerGrid grid,
            Jury.CandidateFile file,
            Map<Long, JurySession> sessions,
            Map<String, JuryDecision> standing) {}

    private CandidateState state(Actor actor, String learnerSub) {
        Jury.CandidateFile file = jury.candidate(actor, learnerSub);
        return new CandidateState(
                evaluation.grid(actor, learnerSub),
                file,
                jury.sessions(actor).stream().collect(Collectors.toMap(JurySession::id, Function.identity())),
                JuryDecision.standing(file.decisions()));
    }

    /**
     * Why the document cannot be issued on {@code today}, if it cannot: a certificate needs every bloc VALIDE and an
     * attestation one; neither is issued while a recours that could change it is pending (the livret, a record of
     * the evaluation on its date, is); no document is issued before a decision it states, i.e. before its jury's
     * date.
     */
    private static Optional<DocumentRefusedException> refusal(
            DocumentKind kind, CandidateState state, LocalDate today) {
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
                .filter(java.util.Objects::nonNull)
                .filter(d -> heldOn(state.sessions(), d).isAfter(today))
                .findFirst()
                .map(d -> new DocumentRefusedException(
                        "decision_after_issue",
                        "the document cannot be issued before the decision it states: " + d.blocCode()
                                + " is decided by the jury of " + heldOn(state.sessions(), d),
                        d.blocCode(),
                        heldOn(state.sessions(), d)));
    }

    /** Whether the procès-verbal of the session can be issued now (evaluators of the course). */
    @Transactional(readOnly = true)
    public Offer offerForSession(Actor actor, long sessionId) {
        return new Offer(
                DocumentKind.PROCES_VERBAL,
                minutesRefusal(jury.session(actor, sessionId), CivilDates.today(clock))
                        .orElse(null));
    }

    /** A procès-verbal states a session's deliberations: not before the session is held. */
    private static Optional<DocumentRefusedException> minutesRefusal(JurySession session, LocalDate today) {
        return session.heldOn().isAfter(today)
                ? Optional.of(new DocumentRefusedException(
                        "session_not_held_yet",
                        "the procès-verbal of the jury session of " + session.heldOn() + " is issued on or after that"
                                + " date",
                        session.heldOn()))
                : Optional.empty();
    }

    @Transactional
    public Issued issueForSession(Actor actor, long sessionId, Locale locale, String baseUrl) {
        JurySession session = jury.session(actor, sessionId);
        List<JuryDecision> decisions = jury.decisionsOfSession(actor, sessionId);
        Referentiel referentiel = evaluation.referentiel();
        Optional<DocumentRefusedException> refused = minutesRefusal(session, CivilDates.today(clock));
        if (refused.isPresent()) {
            throw refused.get();
        }
        List<String> earlier = repository.ofSession(actor.courseId(), sessionId).stream()
                .map(DocumentRepository.Row::number)
                .toList();
        Numbered numbered = number(baseUrl);
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
        model.put("doc", header(numbered, facts, referentiel, locale));
        model.put("juryDate", day(session.heldOn(), locale));
        model.put("place", session.place());
        model.put("members", session.members());
        model.put("votingMembers", session.votingMembers());
        model.put("castingVoteRule", session.presidentCastingVote());
        model.put("candidates", candidates(session, decisions, referentiel));
        byte[] pdf = renderer.pdf("proces-verbal", locale, model);
        return store(actor, numbered, DocumentKind.PROCES_VERBAL, null, null, sessionId, locale, facts, pdf, earlier);
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
                LocalDate.ofInstant(numbered.at(), ZONE),
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

    /** Keeps an issued document once and for all, and describes it as the API shows it. */
    private Issued store(
            Actor actor,
            Numbered numbered,
            DocumentKind kind,
            Long learnerId,
            String learnerSub,
            Long sessionId,
            Locale locale,
            DocumentFacts facts,
            byte[] pdf,
            List<String> earlier) {
        String sha256 = sha256(pdf);
        repository.insert(
                numbered.number(),
                numbered.token(),
                kind,
                actor.courseId(),
                learnerId,
                sessionId,
                locale.toLanguageTag(),
                facts,
                pdf,
                sha256,
                actor.sub(),
                actor.displayName(),
                numbered.at());
        return new Issued(
                new IssuedDocument(
                        numbered.number(),
                        kind,
                        learnerSub,
                        sessionId,
                        locale.toLanguageTag(),
                        actor.displayName(),
                        numbered.at(),
                        numbered.url(),
                        sha256),
                earlier);
    }

    /** The documents issued for a learner, latest first: for the evaluators of the course, or the learner themself. */
    @Transactional(readOnly = true)
    public List<IssuedDocument> ofLearner(Actor actor, String learnerSub, String baseUrl) {
        CourseMember learner = access.toRead(actor, learnerSub);
        return repository.ofLearner(actor.courseId(), learner.userId()).stream()
                .filter(r -> actor.isEvaluator() || r.kind().learnerMayRead())
                .map(r -> view(r, baseUrl))
                .toList();
    }

    /** The procès-verbaux issued for a jury session, latest first (evaluators only). */
    @Transactional(readOnly = true)
    public List<IssuedDocument> ofSession(Actor actor, long sessionId, String baseUrl) {
        jury.session(actor, sessionId);
        return repository.ofSession(actor.courseId(), sessionId).stream()
                .map(r -> view(r, baseUrl))
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

    // --- numbering -------------------------------------------------------------------------------------------

    private record Numbered(String number, String token, Instant at, String url) {}

    private Numbered number(String baseUrl) {
        Instant at = clock.instant();
        String number = String.format(
                Locale.ROOT, "CQPI-%d-%06d", LocalDate.ofInstant(at, ZONE).getYear(), repository.nextSerial());
        char[] token = new char[TOKEN_LENGTH];
        for (int i = 0; i < token.length; i++) {
            token[i] = TOKEN_ALPHABET[random.nextInt(TOKEN_ALPHABET.length)];
        }
        String t = new String(token);
        return new Numbered(number, t, at, verificationUrl(baseUrl, number, t));
    }

    static String verificationUrl(String baseUrl, String number, String token) {
        return baseUrl.replaceAll("/+$", "") + "/verify/" + number + "-" + token;
    }

    private IssuedDocument view(DocumentRepository.Row r, String baseUrl) {
        return new IssuedDocument(
                r.number(),
                r.kind(),
                r.learnerSub(),
                r.juryId(),
                r.locale(),
                r.issuedBy(),
                r.issuedAt(),
                verificationUrl(baseUrl, r.number(), r.token()),
                r.pdfSha256());
    }

    // --- what the templates show ------------------------------------------------------------------------------

    /** The head and foot of every document. */
    public record Header(
            DocumentKind kind,
            String number,
            String issuedOn,
            String verificationUrl,
            String qrCode,
            String certification,
            String certifyingBody,
            String certifyingBodyFullName,
            String qualificationType,
            String issuer) {}

    /**
     * One evaluator's judgment of a criterion: the évaluateur habilité's (EVALUATEUR) or the tuteur entreprise's
     * (TUTEUR), as {@code role} says.
     */
    public record EvaluatorJudgment(
            String role, String evaluator, JudgmentStatus status, String modality, String date, String comment) {}

    public record LivretCriterion(String code, String text, List<EvaluatorJudgment> judgments) {}

    public record LivretCompetence(
            String code, String title, String state, int acquis, int total, List<LivretCriterion> criteria) {}

    public record LivretBloc(
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
    public record EvidenceLine(
            String criterionCode,
            String title,
            String type,
            String size,
            String url,
            String date,
            String addedBy,
            boolean byCandidate) {}

    /** A bloc on an attestation or a certificate: validated (and when), or what the jury recommends. */
    public record AttestedBloc(
            String code, String title, boolean validated, Decision decision, String juryDate, String preconisations) {}

    public record CandidateDecisions(String name, List<DecisionLine> decisions) {}

    public record DecisionLine(String blocCode, String blocTitle, JuryDecision decision, boolean onRecours) {}

    private Header header(Numbered n, DocumentFacts facts, Referentiel r, Locale locale) {
        return new Header(
                facts.kind(),
                n.number(),
                day(facts.issuedOn(), locale),
                n.url(),
                QrCodes.dataUri(n.url()),
                r.title(),
                r.certifyingBody(),
                r.certifyingBodyFullName(),
                r.qualificationType(),
                facts.issuer());
    }

    private static List<LivretBloc> livret(
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
            List<LivretCompetence> competences = new ArrayList<>();
            for (Referentiel.Competence c : b.competences()) {
                Results.CompetenceResult cr =
                        grid.results().competence(c.code()).orElseThrow();
                List<LivretCriterion> criteria = new ArrayList<>();
                for (Referentiel.Criterion k : c.criteria()) {
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
                    criteria.add(new LivretCriterion(k.code(), k.text(), judgments));
                }
                competences.add(new LivretCompetence(
                        c.code(), c.title(), cr.state().name(), cr.acquis(), cr.total(), criteria));
            }
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
                    competences,
                    evidence.stream()
                            .filter(e -> e.blocCode().equals(b.code()))
                            .map(e -> new EvidenceLine(
                                    e.criterionCode(),
                                    e.title(),
                                    e.typeLabel(),
                                    e.sizeLabel(),
                                    e.url(),
                                    shortDay(LocalDate.ofInstant(e.addedAt(), ZONE)),
                                    e.addedBy(),
                                    e.addedAs() == Evidence.AddedAs.LEARNER))
                            .toList()));
        }
        return blocs;
    }

    private static List<AttestedBloc> attested(
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

    private static List<CandidateDecisions> candidates(
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

    private static LocalDate heldOn(Map<Long, JurySession> sessions, JuryDecision d) {
        JurySession s = sessions.get(d.sessionId());
        return s == null ? LocalDate.ofInstant(d.decidedAt(), ZONE) : s.heldOn();
    }

    private static String latestJury(List<BlocFact> blocs, Locale locale) {
        return blocs.stream()
                .map(BlocFact::juryDate)
                .filter(java.util.Objects::nonNull)
                .max(LocalDate::compareTo)
                .map(d -> day(d, locale))
                .orElse(null);
    }

    static String day(LocalDate date, Locale locale) {
        return date == null
                ? null
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                        .withLocale(locale)
                        .format(date);
    }

    private static String shortDay(LocalDate date) {
        return DateTimeFormatter.ofPattern("dd/MM/yyyy").format(date);
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

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
