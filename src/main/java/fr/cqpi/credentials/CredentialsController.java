package fr.cqpi.credentials;

import fr.cqpi.lti.ToolBaseUrl;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public side of the credentials, without login: a credential by its id (content negotiation: the compact
 * VC-JWT for {@code application/vc+jwt} or {@code application/jwt}, the JSON with its embedded proof for
 * {@code application/ld+json} or {@code application/json}, the verification page for a browser), its downloads
 * ({@code .jwt}, {@code .json}), the status lists, the VC-JWT key (its {@code kid}) and the issuer Profiles.
 */
@Controller
class CredentialsController {

    static final String PATH = "/credentials";
    static final MediaType VC_JWT = MediaType.parseMediaType("application/vc+jwt");
    static final MediaType JWT = MediaType.parseMediaType("application/jwt");
    static final MediaType LD_JSON = MediaType.parseMediaType("application/ld+json");
    private static final List<MediaType> OFFERED =
            List.of(MediaType.TEXT_HTML, VC_JWT, JWT, LD_JSON, MediaType.APPLICATION_JSON);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Credentials credentials;
    private final CredentialKeys keys;
    private final ToolBaseUrl baseUrl;

    CredentialsController(Credentials credentials, CredentialKeys keys, ToolBaseUrl baseUrl) {
        this.credentials = credentials;
        this.keys = keys;
        this.baseUrl = baseUrl;
    }

    @GetMapping(PATH + "/{id}")
    Object credential(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            Model model,
            HttpServletResponse response) {
        MediaType wanted = negotiate(accept);
        Optional<IssuedCredential> found = parse(id).flatMap(credentials::find);
        if (wanted.equals(MediaType.TEXT_HTML)) {
            response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
            response.setHeader("X-Robots-Tag", "noindex");
            response.setHeader("Referrer-Policy", "no-referrer");
            if (found.isEmpty()) {
                response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            } else {
                model.addAttribute("credential", CredentialFacts.of(found.get()));
            }
            return new ModelAndView("credentials/credential", model.asMap());
        }
        if (found.isEmpty()) {
            return notFound("No credential " + id);
        }
        boolean jwt = wanted.equals(VC_JWT) || wanted.equals(JWT);
        return ResponseEntity.ok()
                .contentType(jwt ? wanted : wanted.equals(LD_JSON) ? LD_JSON : MediaType.APPLICATION_JSON)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .cacheControl(CacheControl.noCache())
                .body(jwt ? found.get().jwt() : found.get().json());
    }

    @GetMapping(PATH + "/{id}.jwt")
    ResponseEntity<?> jwtFile(@PathVariable String id) {
        return parse(id)
                .flatMap(credentials::find)
                .<ResponseEntity<?>>map(c -> download(c.jwt(), VC_JWT, c, "jwt"))
                .orElseGet(() -> notFound("No credential " + id));
    }

    @GetMapping(PATH + "/{id}.json")
    ResponseEntity<?> jsonFile(@PathVariable String id) {
        return parse(id)
                .flatMap(credentials::find)
                .<ResponseEntity<?>>map(c -> download(c.json(), LD_JSON, c, "json"))
                .orElseGet(() -> notFound("No credential " + id));
    }

    @GetMapping(PATH + "/status/{list}")
    ResponseEntity<?> statusList(
            @PathVariable String list, @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        if (!list.matches("[1-9][0-9]{0,8}")) {
            return notFound("No status list " + list);
        }
        Optional<Map<String, Object>> signed = credentials.statusList(Integer.parseInt(list));
        if (signed.isEmpty()) {
            return notFound("No status list " + list);
        }
        MediaType wanted = negotiate(accept);
        boolean jwt = wanted.equals(VC_JWT) || wanted.equals(JWT);
        return ResponseEntity.ok()
                .contentType(jwt ? wanted : wanted.equals(LD_JSON) ? LD_JSON : MediaType.APPLICATION_JSON)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .cacheControl(CacheControl.noCache())
                .body(jwt ? credentials.asJwt(signed.get()) : JSON.writeValueAsString(signed.get()));
    }

    @GetMapping(path = CredentialKeys.JWK_PATH, produces = "application/jwk+json")
    @ResponseBody
    Map<String, Object> jwk() {
        return keys.publicJwk(baseUrl.get()).toJSONObject();
    }

    @GetMapping(path = PATH + "/keys/jwks.json", produces = "application/jwk-set+json")
    @ResponseBody
    Map<String, Object> jwks() {
        return keys.publicJwks(baseUrl.get()).toJSONObject();
    }

    @GetMapping(Credentials.ISSUERS_PATH + "{code}")
    ResponseEntity<?> issuer(@PathVariable String code) {
        return credentials
                .issuerProfile(code)
                .<ResponseEntity<?>>map(profile -> {
                    Map<String, Object> document = new LinkedHashMap<>();
                    document.put("@context", List.of(JsonLdContexts.VC_V2, JsonLdContexts.OB_V3));
                    document.putAll(profile);
                    return ResponseEntity.ok().contentType(LD_JSON).body(JSON.writeValueAsString(document));
                })
                .orElseGet(() -> notFound("No issuer " + code));
    }

    /** The offered type the Accept header prefers (quality, then specificity); a browser's page when it says nothing. */
    static MediaType negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return MediaType.APPLICATION_JSON;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (IllegalArgumentException e) {
            return MediaType.APPLICATION_JSON;
        }
        MimeTypeUtils.sortBySpecificity(accepted);
        accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : accepted) {
            if (type.getQualityValue() == 0) {
                continue;
            }
            if (type.isWildcardType()) {
                return MediaType.APPLICATION_JSON;
            }
            for (MediaType offered : OFFERED) {
                if (type.includes(offered)) {
                    return offered;
                }
            }
        }
        return MediaType.APPLICATION_JSON;
    }

    private static Optional<UUID> parse(String id) {
        try {
            UUID uuid = UUID.fromString(id);
            return uuid.toString().equalsIgnoreCase(id) ? Optional.of(uuid) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static ResponseEntity<String> download(String body, MediaType type, IssuedCredential c, String extension) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(
                                        "credential-" + c.blocCode() + "-" + c.id() + "." + extension,
                                        StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(body);
    }

    private static ResponseEntity<ProblemDetail> notFound(String detail) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail));
    }
}
