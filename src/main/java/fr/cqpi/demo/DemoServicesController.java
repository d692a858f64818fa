package fr.cqpi.demo;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The demo LMS's LTI Advantage services, shaped like Moodle's mod_lti: an OAuth 2 token endpoint taking
 * the tool's signed client assertion (checked against the tool's published keys), line items under
 * {@code /lineitems?type_id=1}, scores, results, and the course memberships.
 */
@Profile("demo")
@RestController
@RequestMapping("/demo")
class DemoServicesController {

    private final DemoLms lms;
    private final Clock clock;
    private final DemoGradebook gradebook;
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();

    DemoServicesController(DemoLms lms, DemoGradebook gradebook, Clock clock) {
        this.lms = lms;
        this.gradebook = gradebook;
        this.clock = clock;
    }

    @PostMapping(value = "/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Map<String, Object>> token(@RequestParam Map<String, String> form) {
        try {
            SignedJWT assertion = SignedJWT.parse(form.get("client_assertion"));
            JWKSet toolKeys = JWKSet.load(
                    URI.create(lms.toolBase() + "/.well-known/jwks.json").toURL());
            RSAKey key = (RSAKey) toolKeys.getKeyByKeyId(assertion.getHeader().getKeyID());
            var claims = assertion.getJWTClaimsSet();
            boolean valid = key != null
                    && assertion.verify(new RSASSAVerifier(key))
                    && DemoLms.CLIENT_ID.equals(claims.getIssuer())
                    && DemoLms.CLIENT_ID.equals(claims.getSubject())
                    && claims.getAudience().contains(lms.lmsBase() + "/demo/token")
                    && claims.getExpirationTime().toInstant().isAfter(clock.instant());
            if (!valid || !"client_credentials".equals(form.get("grant_type"))) {
                return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", "invalid_client"));
            }
        } catch (Exception e) {
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", "invalid_request"));
        }
        String token = UUID.randomUUID().toString();
        tokens.add(token);
        return ResponseEntity.ok(Map.of(
                "access_token",
                token,
                "token_type",
                "Bearer",
                "expires_in",
                3600,
                "scope",
                form.getOrDefault("scope", "")));
    }

    @GetMapping(value = "/ags/lineitems", produces = "application/vnd.ims.lis.v2.lineitemcontainer+json")
    ResponseEntity<List<Map<String, Object>>> lineItems(
            @RequestHeader(value = "Authorization", required = false) String auth,
            @RequestParam(value = "resource_link_id", required = false) String link,
            @RequestParam(value = "resource_id", required = false) String resource,
            @RequestParam(value = "tag", required = false) String tag) {
        if (!authorized(auth)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        return ResponseEntity.ok(gradebook.lineItems().stream()
                .filter(i -> link == null || link.equals(i.resourceLinkId()))
                .filter(i -> resource == null || resource.equals(i.resourceId()))
                .filter(i -> tag == null || tag.equals(i.tag()))
                .map(this::json)
                .toList());
    }

    @PostMapping(value = "/ags/lineitems", produces = "application/vnd.ims.lis.v2.lineitem+json")
    ResponseEntity<Map<String, Object>> createLineItem(
            @RequestHeader(value = "Authorization", required = false) String auth, @RequestBody JsonNode body) {
        if (!authorized(auth)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        var item = gradebook.create(
                body.path("label").asText(),
                body.path("scoreMaximum").asDouble(100),
                body.path("resourceId").asText(null),
                body.path("tag").asText(null),
                body.path("resourceLinkId").asText(null));
        return ResponseEntity.status(HttpStatus.CREATED).body(json(item));
    }

    @PostMapping("/ags/lineitems/{id}/lineitem/scores")
    ResponseEntity<Void> score(
            @RequestHeader(value = "Authorization", required = false) String auth,
            @PathVariable long id,
            @RequestBody JsonNode body) {
        if (!authorized(auth)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        if (gradebook.lineItem(id).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        boolean fullyGraded = "FullyGraded".equals(body.path("gradingProgress").asText());
        gradebook.score(
                id,
                new DemoGradebook.Score(
                        body.path("userId").asText(),
                        fullyGraded && body.hasNonNull("scoreGiven")
                                ? body.get("scoreGiven").asDouble()
                                : null,
                        body.path("scoreMaximum").asDouble(100),
                        body.path("activityProgress").asText(),
                        body.path("gradingProgress").asText(),
                        body.path("comment").asText(null),
                        Instant.parse(
                                body.path("timestamp").asText(clock.instant().toString())),
                        clock.instant()));
        return ResponseEntity.ok().build();
    }

    @GetMapping(
            value = "/ags/lineitems/{id}/lineitem/results",
            produces = "application/vnd.ims.lis.v2.resultcontainer+json")
    ResponseEntity<List<Map<String, Object>>> results(
            @RequestHeader(value = "Authorization", required = false) String auth, @PathVariable long id) {
        if (!authorized(auth)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        List<Map<String, Object>> results = new ArrayList<>();
        gradebook.scores(id).values().forEach(s -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", lms.lmsBase() + "/demo/ags/lineitems/" + id + "/lineitem/results/" + s.userId() + "?type_id=1");
            r.put("scoreOf", lineItemUrl(id));
            r.put("userId", s.userId());
            if (s.scoreGiven() != null) {
                r.put("resultScore", s.scoreGiven());
                r.put("resultMaximum", s.scoreMaximum());
            }
            r.put("comment", s.comment());
            results.add(r);
        });
        return ResponseEntity.ok(results);
    }

    @GetMapping(value = "/nrps/memberships", produces = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json")
    ResponseEntity<Map<String, Object>> memberships(
            @RequestHeader(value = "Authorization", required = false) String auth) {
        if (!authorized(auth)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        List<Map<String, Object>> members = DemoCourse.MEMBERS.stream()
                .map(u -> Map.<String, Object>of(
                        "user_id",
                        u.id(),
                        "status",
                        "Active",
                        "name",
                        u.name(),
                        "given_name",
                        u.givenName(),
                        "family_name",
                        u.familyName(),
                        "email",
                        u.email(),
                        "roles",
                        u.roles()))
                .toList();
        return ResponseEntity.ok(Map.of(
                "id",
                lms.lmsBase() + "/demo/nrps/memberships",
                "context",
                Map.of("id", DemoCourse.CONTEXT_ID, "label", DemoCourse.LABEL, "title", DemoCourse.TITLE),
                "members",
                members));
    }

    private boolean authorized(String header) {
        return header != null && header.startsWith("Bearer ") && tokens.contains(header.substring(7));
    }

    private String lineItemUrl(long id) {
        return lms.lmsBase() + "/demo/ags/lineitems/" + id + "/lineitem?type_id=1";
    }

    private Map<String, Object> json(DemoGradebook.LineItem item) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", lineItemUrl(item.id()));
        json.put("label", item.label());
        json.put("scoreMaximum", item.scoreMaximum());
        json.put("resourceId", item.resourceId());
        json.put("tag", item.tag());
        json.put("resourceLinkId", item.resourceLinkId());
        return json;
    }
}
