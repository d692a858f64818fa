package fr.cqpi.web;

import fr.cqpi.shared.StandalonePages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.ObjectMapper;

/**
 * Without a launch there is nobody to authorise: pages say to open the tool from the course again,
 * the API answers 401 with a problem document.
 */
@Component
class RelaunchEntryPoint implements AuthenticationEntryPoint {

    private final StandalonePages pages;
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final ObjectMapper json;

    RelaunchEntryPoint(StandalonePages pages, MessageSource messages, LocaleResolver locales, ObjectMapper json) {
        this.pages = pages;
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        var locale = locales.resolveLocale(request);
        if (request.getServletPath().startsWith("/api/")) {
            ProblemDetail problem = ProblemDetail.forStatus(401);
            problem.setTitle("no_launch");
            problem.setDetail(messages.getMessage("session.none", null, locale));
            response.setStatus(401);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        pages.render(request, response, 401, "no-session", locale, Map.of());
    }
}
