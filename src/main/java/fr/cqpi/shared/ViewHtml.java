package fr.cqpi.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * A Thymeleaf view (a template's fragment) rendered to a string inside the current request, as that request would
 * answer it — links, CSRF fields, messages, beans — without touching the real response's status or headers.
 */
@Component
public class ViewHtml {

    /** Looked up at first use: a module test may start without a web layer. */
    private final ObjectProvider<ThymeleafViewResolver> views;

    ViewHtml(ObjectProvider<ThymeleafViewResolver> views) {
        this.views = views;
    }

    /**
     * The view's markup without the whitespace around it (a fragment's template indentation), {@code viewName} as a
     * controller returns it ("template :: fragment").
     */
    public String render(
            String viewName, Map<String, ?> model, HttpServletRequest request, HttpServletResponse response) {
        Captured captured = new Captured(response);
        // Thymeleaf keeps a web context's variables as request attributes: the request's own come back after it.
        Map<String, Object> before = new HashMap<>();
        request.getAttributeNames().asIterator().forEachRemaining(name -> before.put(name, request.getAttribute(name)));
        try {
            views.getObject()
                    .resolveViewName(viewName, LocaleContextHolder.getLocale())
                    .render(model, request, captured);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(viewName + " not rendered", e);
        } finally {
            Collections.list(request.getAttributeNames()).stream()
                    .filter(name -> !before.containsKey(name))
                    .forEach(request::removeAttribute);
            before.forEach((name, value) -> {
                if (request.getAttribute(name) != value) {
                    request.setAttribute(name, value);
                }
            });
        }
        captured.writer.flush();
        return captured.out.toString().strip();
    }

    /** The response a view is rendered into: its text kept, the real response's headers untouched. */
    private static final class Captured extends HttpServletResponseWrapper {

        final StringWriter out = new StringWriter(4096);
        final PrintWriter writer = new PrintWriter(out);

        Captured(HttpServletResponse response) {
            super(response);
        }

        @Override
        public PrintWriter getWriter() {
            return writer;
        }

        @Override
        public void setStatus(int status) {}

        @Override
        public void setContentType(String type) {}

        @Override
        public void setCharacterEncoding(String charset) {}

        @Override
        public void setLocale(Locale locale) {}

        @Override
        public void setContentLength(int length) {}

        @Override
        public void setContentLengthLong(long length) {}

        @Override
        public void setHeader(String name, String value) {}

        @Override
        public void addHeader(String name, String value) {}
    }
}
