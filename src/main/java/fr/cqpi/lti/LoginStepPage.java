package fr.cqpi.lti;

import fr.cqpi.shared.StandalonePages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.unbescape.html.HtmlEscape;

/**
 * The login step page (templates/lti/login-step.html), which every launch whose cookies will not come back gets:
 * rendered by Thymeleaf once per shape (which of its values are given: the storage target and nonce are for
 * Canvas's frames only), then at each launch its values escaped as Thymeleaf escapes them and written into that
 * markup. Thymeleaf rendering the same 30-line page at each launch was a third of the login initiation's CPU.
 * {@code LoginStepPageTest} compares both ways, byte for byte; {@link #precomputed} false renders every time.
 */
@Component
class LoginStepPage {

    /** Rendered in place of each value; a value never holds it (ours are URL-safe or URL-encoded). */
    private static final String SLOT = "\u2063cqpi-slot-";

    /** The page's markup cut at its values: text, then the name of the value to write, and so on. */
    private record Shape(List<String> texts, List<String> names) {}

    private final StandalonePages pages;
    private final Map<String, Shape> shapes = new ConcurrentHashMap<>();

    /** False: every page through Thymeleaf (to compare in tests). */
    boolean precomputed = true;

    LoginStepPage(StandalonePages pages) {
        this.pages = pages;
    }

    void write(HttpServletRequest request, HttpServletResponse response, Map<String, String> values)
            throws IOException {
        if (!precomputed) {
            pages.render(request, response, 200, "lti/login-step", Locale.FRENCH, new TreeMap<>(values));
            return;
        }
        // A value not given (null) leaves its attribute out, as Thymeleaf does: another shape.
        Map<String, String> sorted = new TreeMap<>();
        values.forEach((name, value) -> {
            if (value != null) {
                sorted.put(name, value);
            }
        });
        Shape shape = shapes.computeIfAbsent(
                String.join(",", sorted.keySet()), key -> shapeOf(request, response, sorted.keySet()));
        StringBuilder page = new StringBuilder(4096);
        for (int i = 0; i < shape.names().size(); i++) {
            page.append(shape.texts().get(i))
                    .append(HtmlEscape.escapeHtml4Xml(sorted.get(shape.names().get(i))));
        }
        page.append(shape.texts().get(shape.names().size()));
        pages.write(response, 200, page.toString());
    }

    private Shape shapeOf(HttpServletRequest request, HttpServletResponse response, Iterable<String> names) {
        Map<String, Object> slots = new TreeMap<>();
        names.forEach(name -> slots.put(name, SLOT + name + "\u2063"));
        String html = pages.html(request, response, "lti/login-step", Locale.FRENCH, slots);
        List<String> texts = new ArrayList<>();
        List<String> order = new ArrayList<>();
        int from = 0;
        for (int at = html.indexOf(SLOT); at >= 0; at = html.indexOf(SLOT, from)) {
            int end = html.indexOf('\u2063', at + SLOT.length());
            texts.add(html.substring(from, at));
            order.add(html.substring(at + SLOT.length(), end));
            from = end + 1;
        }
        texts.add(html.substring(from));
        return new Shape(List.copyOf(texts), List.copyOf(order));
    }
}
