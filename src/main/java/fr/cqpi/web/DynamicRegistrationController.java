package fr.cqpi.web;

import fr.cqpi.lti.DynamicRegistration;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The administrator pastes {@code <base>/lti/register} in Moodle ("Tool URL" of a dynamic registration) or
 * Canvas; the platform opens it with its configuration URL and a registration token.
 */
@Controller
class DynamicRegistrationController {

    private final DynamicRegistration registration;
    private final String configuredBaseUrl;

    DynamicRegistrationController(
            DynamicRegistration registration, @Value("${cqpi.base-url:}") String configuredBaseUrl) {
        this.registration = registration;
        this.configuredBaseUrl = configuredBaseUrl;
    }

    @GetMapping("/lti/register")
    String propose(
            @RequestParam(name = "openid_configuration", required = false) String configuration,
            @RequestParam(name = "registration_token", required = false) String token,
            HttpServletResponse response,
            Model model) {
        if (configuration == null || configuration.isBlank()) {
            return failed(
                    response,
                    model,
                    400,
                    "openid_configuration is missing: open this URL from the platform's"
                            + " dynamic registration, not directly");
        }
        try {
            model.addAttribute("proposal", registration.propose(configuration, token, baseUrl()));
            return "registration";
        } catch (DynamicRegistration.RegistrationFailed e) {
            return failed(response, model, 502, e.getMessage());
        }
    }

    @PostMapping("/lti/register")
    String confirm(@RequestParam String id, HttpServletResponse response, Model model) {
        try {
            model.addAttribute("registered", registration.confirm(id, baseUrl()));
            return "registration-done";
        } catch (DynamicRegistration.RegistrationFailed e) {
            return failed(response, model, 502, e.getMessage());
        }
    }

    private static String failed(HttpServletResponse response, Model model, int status, String reason) {
        response.setStatus(status);
        model.addAttribute("reason", reason);
        return "registration-failed";
    }

    private String baseUrl() {
        if (configuredBaseUrl != null && !configuredBaseUrl.isBlank()) {
            return configuredBaseUrl.replaceAll("/+$", "");
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
