package fr.cqpi.credentials;

import fr.cqpi.credentials.WalletHandover.ExchangeRefused;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exchange endpoint a wallet POSTs to, called by the wallet app, not a browser (no session, no CSRF token: the
 * one-time challenge inside the signed presentation is the authorisation). Two bodies are read: the bare DID
 * Authentication presentation of the Learner Credential Wallet's credential request flow ({@code vc_request_url}),
 * answered with the credential itself as the Digital Credentials Consortium's coordinator answers it; or the VC-API
 * form {@code {"verifiablePresentation": …}}, answered {@code {"verifiablePresentation": {…, "verifiableCredential":
 * [credential]}}}.
 */
@RestController
class WalletExchangeController {

    /** A DIDAuth presentation is about 1 KiB: anything far larger is refused before it is parsed. */
    static final int MAX_BODY = 64 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WalletHandover handover;

    WalletExchangeController(WalletHandover handover) {
        this.handover = handover;
    }

    @PostMapping(WalletHandover.EXCHANGES_PATH + "{exchangeId}")
    @SuppressWarnings("unchecked")
    ResponseEntity<?> exchange(@PathVariable String exchangeId, HttpServletRequest request) throws IOException {
        UUID id;
        try {
            id = UUID.fromString(exchangeId);
        } catch (IllegalArgumentException e) {
            return problem(HttpStatus.NOT_FOUND, "No exchange " + exchangeId);
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            return problem(
                    HttpStatus.CONTENT_TOO_LARGE, "A DIDAuth presentation is expected, not " + MAX_BODY + "+ bytes");
        }
        Object parsed;
        try {
            parsed = JSON.readValue(body, Object.class);
        } catch (JacksonException e) {
            return problem(HttpStatus.BAD_REQUEST, "The body is not JSON");
        }
        if (!(parsed instanceof Map<?, ?> message) || message.isEmpty()) {
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "This exchange expects the DIDAuth presentation over the challenge of the wallet link");
        }
        boolean vcApi = message.containsKey("verifiablePresentation");
        Object presentation = vcApi ? message.get("verifiablePresentation") : message;
        if (!(presentation instanceof Map<?, ?>)) {
            return problem(HttpStatus.BAD_REQUEST, "verifiablePresentation must be an object");
        }
        try {
            Map<String, Object> credential = handover.exchange(id, (Map<String, Object>) presentation);
            Object answer = credential;
            if (vcApi) {
                Map<String, Object> vp = new LinkedHashMap<>();
                vp.put("@context", List.of(JsonLdContexts.VC_V2));
                vp.put("type", List.of("VerifiablePresentation"));
                vp.put("verifiableCredential", List.of(credential));
                answer = Map.of("verifiablePresentation", vp);
            }
            return ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    .cacheControl(CacheControl.noStore())
                    .body(JSON.writeValueAsString(answer));
        } catch (ExchangeRefused e) {
            return problem(e.status(), e.getMessage());
        }
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .cacheControl(CacheControl.noStore())
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
