package fr.cqpi.web;

import fr.cqpi.lti.LaunchContext;
import fr.cqpi.lti.ToolBaseUrl;
import java.util.Arrays;
import org.springframework.core.env.Environment;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The public front page (what the tool is and the URLs an LMS administrator registers), and the first page after a
 * launch, which sends each role to its feature's page.
 */
@Controller
class HomeController {

    private final Environment environment;
    private final ToolBaseUrl baseUrl;

    HomeController(Environment environment, ToolBaseUrl baseUrl) {
        this.baseUrl = baseUrl;
        this.environment = environment;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("baseUrl", baseUrl.get());
        model.addAttribute(
                "demo", Arrays.asList(environment.getActiveProfiles()).contains("demo"));
        return "home";
    }

    /** The first page after a launch, by role. A forward, not a redirect: a cookieless handover lives one request. */
    @GetMapping("/app")
    String landing(@AuthenticationPrincipal LaunchContext launch) {
        if (LaunchContext.DEEP_LINKING_REQUEST.equals(launch.messageType())) {
            return "forward:/app/deep-linking";
        }
        if (launch.hasCourse() && (launch.isEvaluator() || launch.isTutor())) {
            return "forward:/app/cohort";
        }
        if (launch.hasCourse() && launch.isLearner()) {
            return "forward:/app/me";
        }
        return "forward:/app/referentiel";
    }
}
