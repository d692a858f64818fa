package fr.cqpi.web;

import java.util.Arrays;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The public front page: what the tool is and the URLs an LMS administrator registers. */
@Controller
class HomeController {

    private final Environment environment;

    HomeController(Environment environment) {
        this.environment = environment;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute(
                "baseUrl",
                ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
        model.addAttribute(
                "demo", Arrays.asList(environment.getActiveProfiles()).contains("demo"));
        return "home";
    }
}
