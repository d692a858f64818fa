package fr.cqpi.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/** Renders a Thymeleaf page from a filter or handler, where no controller is involved (refusals, no session). */
@Component
public class StandalonePages {

    private final SpringTemplateEngine templates;

    StandalonePages(SpringTemplateEngine templates) {
        this.templates = templates;
    }

    public void render(
            HttpServletRequest request,
            HttpServletResponse response,
            int status,
            String template,
            Locale locale,
            Map<String, Object> variables)
            throws IOException {
        // Rendered whole, then written at once: each small write through the response's wrappers (Spring Session's,
        // Spring Security's) would check the content length again.
        write(response, status, html(request, response, template, locale, variables));
    }

    /** A page's markup as the answer: HTML in UTF-8, never stored by a cache. */
    public void write(HttpServletResponse response, int status, String html) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(html);
    }

    /** The page's markup, not written (links made through the response, as in a page written). */
    public String html(
            HttpServletRequest request,
            HttpServletResponse response,
            String template,
            Locale locale,
            Map<String, Object> variables) {
        var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, response);
        StringWriter page = new StringWriter(4096);
        templates.process(template, new WebContext(exchange, locale, variables), page);
        return page.toString();
    }
}
