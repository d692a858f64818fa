package fr.cqpi.tutors;

import fr.cqpi.lti.LaunchAuthentication;
import fr.cqpi.lti.LaunchContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A tuteur entreprise's way in without an LMS: the link of their e-mail opens a page with a button (a GET spends
 * nothing: mail scanners open links), the button's POST spends the link and opens a session of the tool in this
 * browser (a new one: whatever session it had ends), as a tutor of the invitation's learners. And the page where a
 * tutor asks for a new link, which answers the same whatever the address. Top-level pages only: never framed.
 */
@Controller
@RequestMapping("/tutor")
class TutorSignInController {

    private final TutorSignInLinks links;
    private final TutorInvitations invitations;
    private final Clock clock;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    TutorSignInController(TutorSignInLinks links, TutorInvitations invitations, Clock clock) {
        this.links = links;
        this.invitations = invitations;
        this.clock = clock;
    }

    @GetMapping("/sign-in")
    String page(@RequestParam(required = false) String token, HttpServletResponse response, Model model) {
        topLevelOnly(response);
        Optional<SignInRefusal> refusal = links.check(token);
        if (refusal.isPresent()) {
            return refused(refusal.get(), response, model);
        }
        model.addAttribute("token", token);
        return "tutors/tutor-sign-in";
    }

    @PostMapping("/sign-in")
    String signIn(
            @RequestParam(required = false) String token,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        topLevelOnly(response);
        SignInResult result = links.signIn(token);
        if (result.refusal().isPresent()) {
            return refused(result.refusal().get(), response, model);
        }
        TutorSignIn signIn = result.signIn().orElseThrow();
        HttpSession previous = request.getSession(false);
        if (previous != null) {
            previous.invalidate();
        }
        HttpSession session = request.getSession(true);
        LaunchContext launch = LaunchContext.outsideLms(
                signIn.actor(), signIn.courseTitle(), signIn.email(), signIn.locale(), clock.instant());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new LaunchAuthentication(launch));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        session.setAttribute(
                InvitedTutorSession.ATTRIBUTE,
                new InvitedTutorSession(
                        signIn.invitationId(),
                        signIn.actor().userId(),
                        signIn.actor().sub()));
        return "redirect:/app";
    }

    @GetMapping("/signed-out")
    String signedOut(HttpServletResponse response) {
        topLevelOnly(response);
        return "tutors/tutor-signed-out";
    }

    @GetMapping("/new-link")
    String newLinkPage(HttpServletResponse response) {
        topLevelOnly(response);
        return "tutors/tutor-new-link";
    }

    @PostMapping("/new-link")
    String requestNewLink(@RequestParam(required = false) String email, HttpServletResponse response, Model model) {
        topLevelOnly(response);
        invitations.requestLink(email);
        model.addAttribute("requested", true);
        return "tutors/tutor-new-link";
    }

    private static String refused(SignInRefusal refusal, HttpServletResponse response, Model model) {
        response.setStatus(
                switch (refusal) {
                    case UNKNOWN -> HttpServletResponse.SC_NOT_FOUND;
                    case USED, EXPIRED -> HttpServletResponse.SC_GONE;
                    case REVOKED -> HttpServletResponse.SC_FORBIDDEN;
                });
        model.addAttribute("reason", refusal);
        return "tutors/tutor-refused";
    }

    /**
     * No frame may hold these pages (a framed sign-in button could be clicked for the tutor), no page they lead to
     * learns the link from the Referer, and no cache keeps them.
     */
    private static void topLevelOnly(HttpServletResponse response) {
        response.setHeader(
                "Content-Security-Policy",
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self';"
                        + " frame-ancestors 'none'");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
    }
}
