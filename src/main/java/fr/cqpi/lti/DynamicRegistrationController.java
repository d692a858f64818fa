package fr.cqpi.lti;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The administrator creates an invitation in the tool's administration and pastes its URL
 * ({@code <base>/lti/register?invitation=…}) in Moodle ("Tool URL" of a dynamic registration) or Canvas; the
 * platform opens it adding its configuration URL and a registration token. Without a usable invitation,
 * nothing is fetched.
 */
@Controller
class DynamicRegistrationController {

    private final DynamicRegistration registration;
    private final ToolBaseUrl baseUrl;
    private final MessageSource messages;

    DynamicRegistrationController(DynamicRegistration registration, ToolBaseUrl baseUrl, MessageSource messages) {
        this.registration = registration;
        this.baseUrl = baseUrl;
        this.messages = messages;
    }

    @GetMapping(LtiPaths.REGISTER)
    String propose(
            @RequestParam(name = "invitation", required = false) String invitation,
            @RequestParam(name = "openid_configuration", required = false) String configuration,
            @RequestParam(name = "registration_token", required = false) String token,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        try {
            registration.requireInvitation(invitation);
            if (configuration == null || configuration.isBlank()) {
                return failed(response, model, 400, messages.getMessage("reg.error.noConfiguration", null, locale));
            }
            model.addAttribute("proposal", registration.propose(invitation, configuration, token, baseUrl.get()));
            return "lti/registration";
        } catch (DynamicRegistration.RegistrationFailed e) {
            return failed(response, model, e, locale);
        }
    }

    @PostMapping(LtiPaths.REGISTER)
    String confirm(
            @RequestParam(required = false) String id,
            @RequestParam(name = "invitation", required = false) String invitation,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        try {
            model.addAttribute("registered", registration.confirm(id, invitation, baseUrl.get()));
            return "lti/registration-done";
        } catch (DynamicRegistration.RegistrationFailed e) {
            return failed(response, model, e, locale);
        }
    }

    private String failed(
            HttpServletResponse response, Model model, DynamicRegistration.RegistrationFailed e, Locale locale) {
        return failed(response, model, e.status(), messages.getMessage("reg.error." + e.code(), e.arguments(), locale));
    }

    private static String failed(HttpServletResponse response, Model model, int status, String reason) {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("reason", reason);
        return "lti/registration-failed";
    }
}
