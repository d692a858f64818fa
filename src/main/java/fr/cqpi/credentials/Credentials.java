package fr.cqpi.credentials;

import fr.cqpi.course.Actor;
import fr.cqpi.course.CourseMember;
import fr.cqpi.course.CourseMembers;
import fr.cqpi.evaluation.LearnerAccess;
import fr.cqpi.jury.ValidatedBlocs;
import fr.cqpi.jury.ValidatedBlocs.ValidatedBloc;
import fr.cqpi.lti.ToolBaseUrl;
import fr.cqpi.referentiel.Referentiel;
import fr.cqpi.referentiel.Referentiel.Bloc;
import fr.cqpi.referentiel.ReferentielCatalog;
import fr.cqpi.referentiel.ReferentielCatalog.CurrentVersion;
import fr.cqpi.shared.Texts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issues, revokes and reads the credentials of validated blocs. A credential is issued once per jury decision, and
 * only while no other credential stands on the bloc (a decision that validates a bloc again keeps the credential in
 * force); its JSON and JWT are stored as signed and never made again.
 */
@Service
public class Credentials {

    private static final Logger log = LoggerFactory.getLogger(Credentials.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final int MAX_REASON = 1000;
    static final String ISSUERS_PATH = "/credentials/issuers/";
    static final String STATUS_PATH = "/credentials/status/";

    private final CredentialRepository repository;
    private final CredentialSigner signer;
    private final CredentialParties parties;
    private final StatusLists statusLists;
    private final ValidatedBlocs validated;
    private final ReferentielCatalog catalog;
    private final CourseMembers members;
    private final LearnerAccess access;
    private final ToolBaseUrl baseUrl;
    private final ApplicationEventPublisher events;

    Credentials(
            CredentialRepository repository,
            CredentialSigner signer,
            CredentialParties parties,
            StatusLists statusLists,
            ValidatedBlocs validated,
            ReferentielCatalog catalog,
            CourseMembers members,
            LearnerAccess access,
            ToolBaseUrl baseUrl,
            ApplicationEventPublisher events) {
        this.repository = repository;
        this.signer = signer;
        this.parties = parties;
        this.statusLists = statusLists;
        this.validated = validated;
        this.catalog = catalog;
        this.members = members;
        this.access = access;
        this.baseUrl = baseUrl;
        this.events = events;
    }

    /** Issues the bloc's credential if its standing decision is VALIDE and none was issued for it. */
    @Transactional
    public void issueIfValidated(long courseId, long learnerId, String blocCode) {
        validated.standing(courseId, learnerId, blocCode).ifPresent(decision -> {
            issue(decision);
            issueCertificateIfComplete(decision);
        });
    }

    /** Revokes the credential in force on a bloc the jury no longer validates. */
    @Transactional
    public void withdraw(long courseId, long learnerId, String blocCode, String state) {
        List<UUID> revoked = repository.revokeStanding(
                courseId,
                learnerId,
                blocCode,
                "Le bloc " + blocCode + " n'est plus validé : nouvelle décision du jury (" + state + ")",
                "jury");
        revoked.forEach(id -> log.info("Credential {} revoked: bloc {} is now {}", id, blocCode, state));
        withdrawCertificate(
                courseId,
                learnerId,
                "Le bloc " + blocCode + " n'est plus validé : nouvelle décision du jury (" + state + ")",
                "jury");
    }

    /** The certificate stands only on its four blocs: one of them withdrawn, it is revoked too. */
    private void withdrawCertificate(long courseId, long learnerId, String reason, String by) {
        repository
                .revokeStandingCertificate(courseId, learnerId, "Certificat révoqué. " + reason, by)
                .forEach(id -> log.info("Certificate credential {} revoked: {}", id, reason));
    }

    /** Every validated bloc without its credential gets one (decisions recorded before the credentials existed). */
    @Transactional
    public int issueMissing() {
        int issued = 0;
        for (ValidatedBloc bloc : validated.all()) {
            if (issue(bloc)) {
                issued++;
            }
        }
        for (ValidatedBloc bloc : validated.all()) {
            if (issueCertificateIfComplete(bloc)) {
                issued++;
            }
        }
        return issued;
    }

    boolean issue(ValidatedBloc decision) {
        if (repository.issuedFor(decision.decisionId())
                || repository.standsFor(decision.courseId(), decision.learnerId(), decision.blocCode())) {
            return false;
        }
        CourseMember learner = members.learnersById(decision.courseId()).get(decision.learnerId());
        CurrentVersion current = catalog.current(decision.referentielCode());
        Optional<Bloc> bloc = current.referentiel().bloc(decision.blocCode());
        if (learner == null || bloc.isEmpty()) {
            log.warn(
                    "No credential for decision {}: learner or bloc {} unknown",
                    decision.decisionId(),
                    decision.blocCode());
            return false;
        }
        String base = baseUrl.get();
        UUID id = UUID.randomUUID();
        StatusLists.Slot slot = statusLists.next();
        String salt = parties.salt();
        Map<String, Object> content = BlocCredentialContent.of(
                base,
                id,
                parties.issuer(current.referentiel()),
                current.referentiel(),
                current.version(),
                bloc.get(),
                decision,
                CredentialParties.holder(learner, salt),
                slot.entry());
        Map<String, Object> signed = signer.withProof(content);
        String jwt = signer.jwt(signed);
        boolean inserted = repository.insert(new CredentialRepository.NewCredential(
                id,
                decision.courseId(),
                decision.learnerId(),
                decision.blocCode(),
                decision.decisionId(),
                decision.referentielCode(),
                current.version(),
                salt,
                slot.list(),
                slot.index(),
                JSON.writeValueAsString(signed),
                jwt));
        if (inserted) {
            log.info("Credential {} issued for bloc {} (decision {})", id, decision.blocCode(), decision.decisionId());
            events.publishEvent(new CredentialIssued(decision.courseId(), decision.learnerId(), id));
        }
        return inserted;
    }

    /**
     * Issues the learner's CLR 2.0 certificate credential when every bloc of the référentiel has its standing VALIDE
     * decision and its bloc credential in force, and no certificate stands; the bloc credentials are embedded as
     * issued. True if one was issued.
     */
    @SuppressWarnings("unchecked")
    boolean issueCertificateIfComplete(ValidatedBloc anyBloc) {
        long courseId = anyBloc.courseId();
        long learnerId = anyBloc.learnerId();
        if (repository.certificateStands(courseId, learnerId)) {
            return false;
        }
        CurrentVersion current = catalog.current(anyBloc.referentielCode());
        Referentiel referentiel = current.referentiel();
        Map<String, String> standing = repository.standingBlocJson(courseId, learnerId);
        List<ValidatedBloc> decisions = new ArrayList<>();
        List<Map<String, Object>> blocCredentials = new ArrayList<>();
        for (Bloc bloc : referentiel.blocs()) {
            Optional<ValidatedBloc> decision = validated.standing(courseId, learnerId, bloc.code());
            String json = standing.get(bloc.code());
            if (decision.isEmpty() || json == null) {
                return false;
            }
            decisions.add(decision.get());
            blocCredentials.add(JSON.readValue(json, LinkedHashMap.class));
        }
        CourseMember learner = members.learnersById(courseId).get(learnerId);
        if (learner == null) {
            return false;
        }
        String base = baseUrl.get();
        UUID id = UUID.randomUUID();
        StatusLists.Slot slot = statusLists.next();
        String salt = parties.salt();
        Map<String, Object> signed = signer.withProof(ClrCredentialContent.of(
                base,
                id,
                parties.issuer(referentiel),
                referentiel,
                current.version(),
                blocCredentials,
                decisions,
                CredentialParties.holder(learner, salt),
                slot.entry()));
        String jwt = signer.jwt(signed);
        boolean inserted = repository.insertCertificate(new CredentialRepository.NewCredential(
                id,
                courseId,
                learnerId,
                null,
                null,
                referentiel.code(),
                current.version(),
                salt,
                slot.list(),
                slot.index(),
                JSON.writeValueAsString(signed),
                jwt));
        if (inserted) {
            log.info("Certificate credential {} (CLR 2.0) issued for learner {} of course {}", id, learnerId, courseId);
            events.publishEvent(new CredentialIssued(courseId, learnerId, id));
        }
        return inserted;
    }

    /** Issues the credentials (blocs, then certificate) of the learner's standing VALIDE decisions that have none. */
    private void issueStanding(long courseId, long learnerId) {
        catalog.current()
                .referentiel()
                .blocs()
                .forEach(b -> validated.standing(courseId, learnerId, b.code()).ifPresent(decision -> {
                    issue(decision);
                    issueCertificateIfComplete(decision);
                }));
    }

    /** The learner's credentials, for the learner themself or an évaluateur habilité of the course. */
    @Transactional
    public List<IssuedCredential> ofLearner(Actor actor, String learnerSub) {
        if (!actor.isLearner()) {
            access.requireEvaluator(actor);
        }
        CourseMember learner = access.toRead(actor, learnerSub);
        // Decisions recorded before the credentials existed, or while the base URL was unknown: issued now.
        issueStanding(actor.courseId(), learner.userId());
        return repository.ofLearner(actor.courseId(), learner.userId());
    }

    /**
     * The public URLs of a learner's credentials in force, by bloc code or {@code CERTIFICATE}, issuing first those
     * of decisions recorded while no base URL was known.
     */
    @Transactional
    public Map<String, String> verificationUrlsInForce(long courseId, long learnerId) {
        issueStanding(courseId, learnerId);
        Map<String, String> urls = new LinkedHashMap<>();
        for (IssuedCredential c : repository.ofLearner(courseId, learnerId)) {
            if (c.status() == CredentialStatus.VALID) {
                urls.put(c.blocCode(), JSON.readTree(c.json()).path("id").asString());
            }
        }
        return urls;
    }

    @Transactional(readOnly = true)
    public Optional<IssuedCredential> find(UUID id) {
        return repository.find(id);
    }

    @Transactional(readOnly = true)
    public List<IssuedCredential> latest(int limit) {
        return repository.latest(limit);
    }

    /** An administrator's revocation, with the reason (1 to 1000 characters); false if already revoked or unknown. */
    @Transactional
    public boolean revoke(UUID id, String reason, String by) {
        String clean = reason == null ? "" : Texts.clean(reason).strip();
        if (clean.isEmpty() || clean.codePointCount(0, clean.length()) > MAX_REASON) {
            throw new IllegalArgumentException("A revocation states its reason (1 to " + MAX_REASON + " characters)");
        }
        boolean revoked = repository.revoke(id, clean, by);
        if (revoked) {
            log.info("Credential {} revoked by an administrator", id);
            repository
                    .find(id)
                    .filter(c -> !"CERTIFICATE".equals(c.blocCode()))
                    .ifPresent(c -> withdrawCertificate(
                            c.courseId(), c.learnerId(), "Le bloc " + c.blocCode() + " : " + clean, by));
        }
        return revoked;
    }

    /** The status list credential, signed with a Data Integrity proof; empty for a list that holds no credential. */
    @Transactional(readOnly = true)
    public Optional<Map<String, Object>> statusList(int list) {
        return statusLists.credential(list);
    }

    /** A signed document as a VC-JWT signed now with the credentials' RS256 key. */
    public String asJwt(Map<String, Object> signed) {
        return signer.jwt(signed);
    }

    /** The issuer Profile of a référentiel, as credentials name it. */
    public Optional<Map<String, Object>> issuerProfile(String referentielCode) {
        return catalog.versions().stream()
                .filter(v -> v.code().equals(referentielCode))
                .findFirst()
                .map(v -> BlocCredentialContent.profile(
                        parties.issuer(catalog.current(referentielCode).referentiel())));
    }
}
