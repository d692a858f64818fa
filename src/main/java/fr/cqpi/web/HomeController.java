package fr.cqpi.web;

import fr.cqpi.lti.ToolBaseUrl;
import java.util.Arrays;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public front page: what the tool is and the URLs an LMS administrator registers. */
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
}
