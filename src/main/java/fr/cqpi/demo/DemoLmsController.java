package fr.cqpi.demo;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The demo LMS's pages and its OIDC side: the course page, the launch (third-party initiated login),
 * the authorization endpoint that answers with a signed id_token, and its key set.
 */
@Profile("demo")
@Controller
@RequestMapping("/demo")
class DemoLmsController {

    /** The course option of launching with the platform's postMessage storage, as Canvas does. */
    static final String PLATFORM_STORAGE = "platform";
    /** A trainer's « add content » launch (Deep Linking request) instead of the activity's. */
    static final String DEEP_LINKING = "deep-linking";

    static final String ENGLISH = "en";

    private final DemoLms lms;
    private final DemoIdTokens idTokens;
    private final DemoGradebook gradebook;

    DemoLmsController(DemoLms lms, DemoIdTokens idTokens, DemoGradebook gradebook) {
        this.lms = lms;
        this.idTokens = idTokens;
        this.gradebook = gradebook;
    }

    /** What the demo LMS received: one column per line item, as in an LMS gradebook. */
    @GetMapping("/gradebook")
    String gradebook(Model model) {
        model.addAttribute("course", DemoCourse.TITLE);
        model.addAttribute(
                "learners",
                DemoCourse.MEMBERS.stream().filter(DemoUser::isLearner).toList());
        model.addAttribute("lineItems", gradebook.lineItems());
        model.addAttribute("gradebook", gradebook);
        model.addAttribute("received", gradebook.received());
        return "demo/gradebook";
    }

    @GetMapping
    String course(Model model) {
        model.addAttribute("course", DemoCourse.TITLE);
        model.addAttribute("members", DemoCourse.MEMBERS);
        return "demo/course";
    }

    /** The LMS page that shows the tool in an iframe, as Moodle and Canvas do. */
    @GetMapping("/course/{userId}")
    String launchPage(
            @PathVariable String userId,
            @RequestParam(required = false) String storage,
            @RequestParam(required = false) String message,
            @RequestParam(required = false) String lang,
            Model model) {
        DemoUser user = DemoCourse.member(userId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("user", user);
        model.addAttribute("course", DemoCourse.TITLE);
        boolean platformStorage = PLATFORM_STORAGE.equals(storage);
        model.addAttribute("platformStorage", platformStorage);
        model.addAttribute(
                "frameSrc",
                UriComponentsBuilder.fromUriString(lms.lmsBase() + "/demo/launch/" + userId)
                        .queryParamIfPresent("storage", Optional.ofNullable(platformStorage ? PLATFORM_STORAGE : null))
                        .queryParamIfPresent(
                                "message", Optional.ofNullable(DEEP_LINKING.equals(message) ? DEEP_LINKING : null))
                        .queryParamIfPresent("lang", Optional.ofNullable(ENGLISH.equals(lang) ? ENGLISH : null))
                        .build()
                        .toUriString());
        return "demo/launch";
    }

    /** Third-party initiated login: sends the browser to the tool's login endpoint. */
    @GetMapping("/launch/{userId}")
    String initiateLogin(
            @PathVariable String userId,
            @RequestParam(required = false) String storage,
            @RequestParam(required = false) String message,
            @RequestParam(required = false) String lang) {
        DemoUser user = DemoCourse.member(userId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String url = UriComponentsBuilder.fromUriString(lms.toolBase() + "/lti/login")
                .queryParam("iss", lms.issuer())
                .queryParam("login_hint", user.id())
                .queryParam("target_link_uri", lms.toolBase() + "/app")
                // The hint comes back to the demo's authorization endpoint: it carries the launch's language too.
                .queryParam(
                        "lti_message_hint",
                        (DEEP_LINKING.equals(message) ? DEEP_LINKING : DemoCourse.RESOURCE_LINK_ID)
                                + (ENGLISH.equals(lang) ? "@" + ENGLISH : ""))
                .queryParam("client_id", DemoLms.CLIENT_ID)
                .queryParam("lti_deployment_id", DemoLms.DEPLOYMENT_ID)
                // Like Canvas: the launch page keeps data for the tool (postMessage storage) in its own frame.
                .queryParamIfPresent(
                        "lti_storage_target", Optional.ofNullable(PLATFORM_STORAGE.equals(storage) ? "_parent" : null))
                .encode()
                .build()
                .toUriString();
        return "redirect:" + url;
    }

    /** OIDC authorization endpoint (implicit flow, form_post), as in IMS Security Framework §5.1.1.2. */
    @RequestMapping(
            value = "/auth",
            method = {RequestMethod.GET, RequestMethod.POST})
    String authorize(@RequestParam Map<String, String> params, Model model) {
        if (!DemoLms.CLIENT_ID.equals(params.get("client_id"))
                || !"id_token".equals(params.get("response_type"))
                || !"openid".equals(params.get("scope"))
                || params.get("nonce") == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "invalid authorization request");
        }
        String redirectUri = params.get("redirect_uri");
        if (redirectUri == null || !redirectUri.endsWith("/lti/launch")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unregistered redirect_uri");
        }
        DemoUser user = DemoCourse.member(params.get("login_hint"))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown login_hint"));
        model.addAttribute("action", redirectUri);
        String[] hint = String.valueOf(params.get("lti_message_hint")).split("@", 2);
        String locale = hint.length == 2 && ENGLISH.equals(hint[1]) ? ENGLISH : "fr";
        model.addAttribute(
                "idToken",
                DEEP_LINKING.equals(hint[0])
                        ? idTokens.deepLinkingRequest(user, params.get("nonce"), lms.toolBase() + "/app", locale)
                        : idTokens.resourceLinkLaunch(user, params.get("nonce"), lms.toolBase() + "/app", locale));
        model.addAttribute("state", params.get("state"));
        return "demo/form-post";
    }

    /** Where the tool's Deep Linking response arrives: the demo shows the items it would add to the course. */
    @PostMapping("/deep-linking-return")
    String deepLinkingReturn(@RequestParam("JWT") String jwt, Model model) throws ParseException {
        var claims = SignedJWT.parse(jwt).getJWTClaimsSet();
        model.addAttribute("course", DemoCourse.TITLE);
        model.addAttribute("items", claims.getListClaim("https://purl.imsglobal.org/spec/lti-dl/claim/content_items"));
        return "demo/deep-linking-return";
    }

    @GetMapping(value = "/jwks", produces = "application/json")
    @ResponseBody
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok(new JWKSet(lms.key().toPublicJWK()).toJSONObject());
    }
}
