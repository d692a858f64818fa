package fr.cqpi.credentials;

import fr.cqpi.course.Actor;
import fr.cqpi.course.CourseMember;
import fr.cqpi.credentials.DidAuthPresentations.DidAuth;
import fr.cqpi.credentials.DidAuthPresentations.InvalidPresentation;
import fr.cqpi.evaluation.LearnerAccess;
import fr.cqpi.lti.ToolBaseUrl;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hands a credential over to the learner's wallet the way the Learner Credential Wallet requests one (the Digital
 * Credentials Consortium's credential request flow): the learner's page gives a deep link carrying our exchange URL
 * and a one-time challenge (15 minutes, bound to that learner and that credential, only its SHA-256 stored); the
 * wallet POSTs a DID Authentication presentation signed over the challenge; the answer is a copy of the credential
 * bound to the wallet's DID ({@code credentialSubject.id}), signed like the original, with its own status entry,
 * stored, and reported revoked as soon as the original is.
 */
@Service
public class WalletHandover {

    private static final Logger log = LoggerFactory.getLogger(WalletHandover.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration LIFETIME = Duration.ofMinutes(15);
    static final String EXCHANGES_PATH = "/credentials/exchanges/";
    static final String LCW_UNIVERSAL = "https://lcw.app/request.html";
    static final String LCW_SCHEME = "dccrequest://request";

    private final CredentialRepository credentials;
    private final WalletRepository wallets;
    private final CredentialSigner signer;
    private final StatusLists statusLists;
    private final LearnerAccess access;
    private final ToolBaseUrl baseUrl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    WalletHandover(
            CredentialRepository credentials,
            WalletRepository wallets,
            CredentialSigner signer,
            StatusLists statusLists,
            LearnerAccess access,
            ToolBaseUrl baseUrl,
            Clock clock) {
        this.credentials = credentials;
        this.wallets = wallets;
        this.signer = signer;
        this.statusLists = statusLists;
        this.access = access;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    /** The two forms of the same request: LCW's web page that opens the app, and the app's own scheme. */
    public record WalletOffer(UUID credentialId, String universalLink, String deepLink, Instant expiresAt) {}

    /** Why a wallet's request is refused, with the HTTP status it gets. */
    static final class ExchangeRefused extends RuntimeException {
        private final HttpStatus status;

        ExchangeRefused(HttpStatus status, String message) {
            super(message);
            this.status = status;
        }

        HttpStatus status() {
            return status;
        }
    }

    /** A new offer of one of the learner's credentials in force, made by the learner themself. */
    @Transactional
    public WalletOffer offer(Actor actor, String learnerSub, UUID credentialId) {
        CourseMember learner = access.toRead(actor, learnerSub);
        if (!actor.isLearner()) {
            throw new AccessDeniedException("Only the learner hands their credential to their wallet");
        }
        IssuedCredential credential = credentials
                .find(credentialId)
                .filter(c -> c.courseId() == actor.courseId()
                        && c.learnerId() == learner.userId()
                        && c.status() == CredentialStatus.VALID)
                .orElseThrow(() -> new AccessDeniedException("No such credential in force for this learner"));
        Instant now = Instant.now(clock);
        wallets.deleteStaleOffers(now);
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID exchangeId = UUID.randomUUID();
        Instant expiresAt = now.plus(LIFETIME);
        wallets.insertOffer(
                exchangeId,
                credential.id(),
                credential.courseId(),
                credential.learnerId(),
                hash(challenge),
                now,
                expiresAt);
        String base = baseUrl.get();
        String query = "issuer=" + encode(base) + "&vc_request_url=" + encode(base + EXCHANGES_PATH + exchangeId)
                + "&challenge=" + encode(challenge) + "&auth_type=bearer";
        return new WalletOffer(credential.id(), LCW_UNIVERSAL + "?" + query, LCW_SCHEME + "?" + query, expiresAt);
    }

    /**
     * The wallet's DID Authentication for an exchange: verified (the challenge this exchange's, unexpired, unused; the
     * proof made by the holder's did:key), then the challenge spent and the credential's copy bound to the holder's
     * DID issued and returned. Nothing is spent nor stored for a request refused.
     */
    @Transactional
    public Map<String, Object> exchange(UUID exchangeId, Map<String, Object> presentation) {
        WalletRepository.Offer offer = wallets.findOffer(exchangeId)
                .orElseThrow(() -> new ExchangeRefused(HttpStatus.NOT_FOUND, "No exchange " + exchangeId));
        DidAuth auth;
        try {
            auth = DidAuthPresentations.verify(presentation);
        } catch (InvalidPresentation e) {
            throw new ExchangeRefused(HttpStatus.UNAUTHORIZED, e.getMessage());
        }
        if (!MessageDigest.isEqual(hash(auth.challenge()), offer.challengeHash())) {
            throw new ExchangeRefused(HttpStatus.UNAUTHORIZED, "The proof's challenge is not this exchange's");
        }
        if (auth.domain() != null && !acceptedDomain(auth.domain())) {
            throw new ExchangeRefused(HttpStatus.UNAUTHORIZED, "The proof's domain is not this tool's");
        }
        Instant now = Instant.now(clock);
        if (offer.usedAt() != null) {
            throw new ExchangeRefused(HttpStatus.CONFLICT, "This challenge was already used");
        }
        if (!offer.expiresAt().isAfter(now)) {
            throw new ExchangeRefused(HttpStatus.GONE, "This challenge has expired: ask for a new link");
        }
        IssuedCredential original = credentials
                .find(offer.credentialId())
                .filter(c -> c.status() == CredentialStatus.VALID)
                .orElseThrow(() -> new ExchangeRefused(HttpStatus.GONE, "This credential was revoked"));
        if (!wallets.claim(exchangeId, offer.challengeHash(), now)) {
            throw new ExchangeRefused(HttpStatus.CONFLICT, "This challenge was already used");
        }
        Map<String, Object> copy = issueCopy(original, offer.id(), auth.holder());
        log.info("Credential {} handed to the wallet of {} (exchange {})", original.id(), auth.holder(), exchangeId);
        return copy;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> issueCopy(IssuedCredential original, UUID offerId, String holderDid) {
        UUID id = UUID.randomUUID();
        StatusLists.Slot slot = statusLists.next();
        Map<String, Object> content = new LinkedHashMap<>(JSON.readValue(original.json(), LinkedHashMap.class));
        content.remove("proof");
        content.put("id", "urn:uuid:" + id);
        Map<String, Object> subject = new LinkedHashMap<>((Map<String, Object>) content.get("credentialSubject"));
        subject.put("id", holderDid);
        content.put("credentialSubject", subject);
        content.put("credentialStatus", BlocCredentialContent.statusEntry(slot.entry()));
        Map<String, Object> signed = signer.withProof(content);
        String jwt = signer.jwt(signed);
        wallets.insertCopy(new WalletRepository.NewCopy(
                id,
                original.id(),
                offerId,
                holderDid,
                slot.list(),
                slot.index(),
                JSON.writeValueAsString(signed),
                jwt));
        return signed;
    }

    /** The tool's base URL, its origin or its host: what VC-API exchanges put in {@code domain}. */
    private boolean acceptedDomain(String domain) {
        String base = baseUrl.get();
        URI uri = URI.create(base);
        String origin = uri.getScheme() + "://" + uri.getAuthority();
        return domain.equals(base)
                || domain.equals(origin)
                || domain.equals(uri.getAuthority())
                || domain.equals(uri.getHost());
    }

    static byte[] hash(String challenge) {
        return DataIntegrityProofs.sha256(challenge);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
