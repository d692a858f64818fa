package fr.cqpi.evidence;

import fr.cqpi.course.Actor;
import fr.cqpi.course.CourseMember;
import fr.cqpi.evaluation.BlocLockedException;
import fr.cqpi.evaluation.DecidedBloc;
import fr.cqpi.evaluation.Decision;
import fr.cqpi.evaluation.EvaluationQueries;
import fr.cqpi.evaluation.JudgmentService;
import fr.cqpi.evaluation.LearnerAccess;
import fr.cqpi.evaluation.StandingDecisions;
import fr.cqpi.referentiel.Referentiel;
import fr.cqpi.shared.Texts;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attaches, lists, serves and withdraws the evidence of a learner's file. The evaluators of the course (who act as
 * jury) see and attach everywhere; the learner sees their own file and attaches, on the blocs where the référentiel
 * says the candidate writes a document, that document (file or link) to the bloc, and withdraws only what they
 * attached. Nothing changes on a bloc the jury decided. Each addition and withdrawal is audited.
 */
@Service
public class EvidenceService {

    static final int MAX_TITLE = 200;
    static final int MAX_URL = 2000;

    private final EvidenceRepository repository;
    private final LearnerAccess access;
    private final EvaluationQueries evaluation;
    private final JudgmentService judgments;
    private final StandingDecisions decisions;
    private final EvidenceProperties properties;

    EvidenceService(
            EvidenceRepository repository,
            LearnerAccess access,
            EvaluationQueries evaluation,
            JudgmentService judgments,
            StandingDecisions decisions,
            EvidenceProperties properties) {
        this.repository = repository;
        this.access = access;
        this.evaluation = evaluation;
        this.judgments = judgments;
        this.decisions = decisions;
        this.properties = properties;
    }

    /** Where an item goes: a bloc, or one of its criteria. */
    public record Target(String blocCode, String criterionCode) {}

    public record NewLink(String blocCode, String criterionCode, String url, String title) {}

    public record NewFile(String blocCode, String criterionCode, String fileName, byte[] bytes) {}

    public long maxFileSize() {
        return properties.maxFileSize().toBytes();
    }

    /** The learner's evidence not withdrawn, by bloc (evaluators of the course, or the learner themself). */
    @Transactional(readOnly = true)
    public List<Evidence> list(Actor actor, String learnerSub) {
        CourseMember learner = access.toRead(actor, learnerSub);
        return repository.ofLearner(actor.courseId(), learner.ref());
    }

    /** The blocs on which this actor may attach evidence to this learner's file (while the bloc is open). */
    public boolean mayAttach(Actor actor, String learnerSub, Referentiel.Bloc bloc) {
        // A tuteur entreprise attaches what they observed at the workstation (photos from their phone): to the
        // learners they follow only, which LearnerAccess checks as for everything else.
        return actor.isEvaluator() || actor.isTutor() || (isSelf(actor, learnerSub) && bloc.takesCandidateDocument());
    }

    /**
     * The day the jury that decided this bloc of the learner sat, when its decision locks the bloc (nothing is added
     * or withdrawn until the jury decides again), else null: a page offers no form that would be refused.
     */
    @Transactional(readOnly = true)
    public LocalDate lockedOn(Actor actor, String learnerSub, String blocCode) {
        CourseMember learner = access.toRead(actor, learnerSub);
        DecidedBloc decided =
                decisions.decidedBlocs(actor.courseId(), learner.userId()).get(blocCode);
        return decided != null && decided.locks() ? decided.juryDate() : null;
    }

    @Transactional
    public Evidence addFile(Actor actor, String learnerSub, NewFile input, String requestId) {
        byte[] bytes = input.bytes() == null ? new byte[0] : input.bytes();
        if (bytes.length == 0) {
            throw new InvalidEvidenceException("file", "the file is empty or missing");
        }
        if (bytes.length > properties.maxFileSize().toBytes()) {
            throw new EvidenceTooLargeException(properties.maxFileSize());
        }
        FileType type = FileType.detect(bytes).orElseThrow(UnsupportedEvidenceTypeException::new);
        Allowed allowed = allowed(actor, learnerSub, input.blocCode(), input.criterionCode());
        return add(
                actor,
                allowed,
                Evidence.Kind.FILE,
                fileName(input.fileName(), type),
                type.contentType(),
                bytes,
                sha256(bytes),
                null,
                requestId);
    }

    @Transactional
    public Evidence addLink(Actor actor, String learnerSub, NewLink input, String requestId) {
        String url = link(input.url());
        String title = input.title() == null ? "" : Texts.clean(input.title()).strip();
        if (title.codePointCount(0, title.length()) > MAX_TITLE) {
            throw new InvalidEvidenceException("title", "the title is longer than " + MAX_TITLE + " characters");
        }
        if (title.isEmpty()) {
            title = Texts.clean(url, MAX_TITLE);
        }
        Allowed allowed = allowed(actor, learnerSub, input.blocCode(), input.criterionCode());
        return add(actor, allowed, Evidence.Kind.LINK, title, null, null, null, url, requestId);
    }

    /** Marks it withdrawn (kept, audited): evaluators any of the file, a learner or a tutor what they attached. */
    @Transactional
    public Evidence withdraw(Actor actor, String learnerSub, long id, String requestId) {
        CourseMember learner = access.toRead(actor, learnerSub);
        judgments.lockLearner(actor.courseId(), learner.userId());
        Evidence evidence = repository
                .find(actor.courseId(), learner.ref(), id)
                .orElseThrow(() -> new EvidenceNotFoundException(id));
        if (!actor.isEvaluator()
                && !(evidence.addedAs() == as(actor) && evidence.addedBySub().equals(actor.sub()))) {
            throw new AccessDeniedException("A learner or a tutor withdraws only what they attached");
        }
        requireOpen(actor.courseId(), learner.userId(), evidence.blocCode());
        if (!repository.withdraw(id, actor.sub(), actor.displayName())) {
            throw new EvidenceNotFoundException(id);
        }
        repository.audit(id, "WITHDRAWN", actor.sub(), actor.displayName(), as(actor), requestId);
        return evidence;
    }

    /** The bytes of a file, for those who may see the learner's file. */
    @Transactional(readOnly = true)
    public EvidenceFile content(Actor actor, String learnerSub, long id) {
        CourseMember learner = access.toRead(actor, learnerSub);
        return repository
                .content(actor.courseId(), learner.userId(), id)
                .orElseThrow(() -> new EvidenceNotFoundException(id));
    }

    private record Allowed(CourseMember learner, String referentielCode, String blocCode, String criterionCode) {}

    private Allowed allowed(Actor actor, String learnerSub, String blocCode, String criterionCode) {
        CourseMember learner = access.toRead(actor, learnerSub);
        Referentiel referentiel = evaluation.referentiel();
        Referentiel.Bloc bloc = referentiel
                .bloc(blocCode == null ? "" : blocCode.strip())
                .orElseThrow(() -> new InvalidEvidenceException("blocCode", "unknown bloc '" + blocCode + "'"));
        String criterion = criterionCode == null || criterionCode.isBlank() ? null : criterionCode.strip();
        if (criterion != null && bloc.criteria().noneMatch(c -> c.code().equals(criterion))) {
            throw new InvalidEvidenceException(
                    "criterionCode", "'" + criterionCode + "' is not a criterion of bloc " + bloc.code());
        }
        if (actor.isLearner()) {
            if (!bloc.takesCandidateDocument()) {
                throw new AccessDeniedException(
                        "A learner attaches only the document the référentiel asks the candidate to write");
            }
            if (criterion != null) {
                throw new AccessDeniedException("A learner attaches their document to the bloc, not to a criterion");
            }
        }
        return new Allowed(learner, referentiel.code(), bloc.code(), criterion);
    }

    private Evidence add(
            Actor actor,
            Allowed allowed,
            Evidence.Kind kind,
            String title,
            String contentType,
            byte[] content,
            String sha256,
            String url,
            String requestId) {
        long learnerId = allowed.learner().userId();
        judgments.lockLearner(actor.courseId(), learnerId);
        requireOpen(actor.courseId(), learnerId, allowed.blocCode());
        if (repository.countActive(actor.courseId(), learnerId) >= properties.maxPerLearner()) {
            throw new InvalidEvidenceException(
                    "file", "this file already holds " + properties.maxPerLearner() + " pieces of evidence");
        }
        long id = repository.insert(new EvidenceRepository.NewEvidence(
                actor.courseId(),
                learnerId,
                allowed.referentielCode(),
                allowed.blocCode(),
                allowed.criterionCode(),
                kind,
                title,
                contentType,
                content,
                sha256,
                url,
                actor.sub(),
                actor.displayName(),
                as(actor)));
        repository.audit(id, "ADDED", actor.sub(), actor.displayName(), as(actor), requestId);
        return repository.find(actor.courseId(), allowed.learner().ref(), id).orElseThrow();
    }

    private void requireOpen(long courseId, long learnerId, String blocCode) {
        Decision decided = decisions.of(courseId, learnerId).get(blocCode);
        if (decided != null && decided.locks()) {
            throw new BlocLockedException(blocCode, decided);
        }
    }

    private static boolean isSelf(Actor actor, String learnerSub) {
        return actor.isLearner() && actor.sub().equals(learnerSub);
    }

    private static Evidence.AddedAs as(Actor actor) {
        return actor.isEvaluator()
                ? Evidence.AddedAs.EVALUATOR
                : actor.isTutor() ? Evidence.AddedAs.TUTOR : Evidence.AddedAs.LEARNER;
    }

    /** An absolute http(s) URL with a host and no user name or password in it. */
    static String link(String value) {
        String url = value == null ? "" : value.strip();
        if (url.isEmpty()) {
            throw new InvalidEvidenceException("url", "the link is required");
        }
        if (url.length() > MAX_URL || !Texts.storable(url)) {
            throw new InvalidEvidenceException(
                    "url", "the link is longer than " + MAX_URL + " characters or unreadable");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidEvidenceException("url", "the link is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidEvidenceException("url", "only http and https links are accepted");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new InvalidEvidenceException("url", "the link has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidEvidenceException("url", "a link must not carry a user name or password");
        }
        // Stored with its scheme in lower case: the database's check and the pages' href rely on http(s)://.
        return scheme + url.substring(scheme.length());
    }

    /** The name to download it under: no path, no control character, and the extension of what it really is. */
    static String fileName(String given, FileType type) {
        String name = given == null ? "" : given.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = Texts.clean(name).replaceAll("[\\p{Cntrl}\"]", "").strip();
        String ext = "." + type.extension();
        String lower = name.toLowerCase(Locale.ROOT);
        String base = lower.endsWith(ext)
                ? name.substring(0, name.length() - ext.length())
                : type == FileType.JPEG && lower.endsWith(".jpeg") ? name.substring(0, name.length() - 5) : name;
        if (base.isBlank()) {
            base = "document";
        }
        int room = MAX_TITLE - ext.length();
        if (base.codePointCount(0, base.length()) > room) {
            base = base.substring(0, base.offsetByCodePoints(0, room));
        }
        return base + ext;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
