package fr.cqpi.documents;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * HTML to PDF: a Thymeleaf template (XHTML, {@code documents/templates/}) with the application's messages, laid
 * out by openhtmltopdf on A4 with the bundled DejaVu fonts embedded (subsets), so that the PDF looks the same on
 * every machine and prints as it shows.
 */
@Component
class PdfRenderer {

    static final String SANS = "DejaVu Sans";
    static final String SERIF = "DejaVu Serif";

    private final SpringTemplateEngine templates;

    PdfRenderer(MessageSource messages) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("documents/templates/");
        resolver.setSuffix(".xhtml");
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
        engine.setEnableSpringELCompiler(false);
        this.templates = engine;
    }

    /** The template's XHTML, for tests and for a look in a browser. */
    String html(String template, Locale locale, Map<String, Object> model) {
        return templates.process(template, new Context(locale, model));
    }

    byte[] pdf(String template, Locale locale, Map<String, Object> model) {
        String html = html(template, locale, model);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withProducer("cqpi-lti");
            builder.withHtmlContent(html, null);
            font(builder, SANS, "DejaVuSans.ttf", 400, BaseRendererBuilder.FontStyle.NORMAL);
            font(builder, SANS, "DejaVuSans-Bold.ttf", 700, BaseRendererBuilder.FontStyle.NORMAL);
            font(builder, SERIF, "DejaVuSerif.ttf", 400, BaseRendererBuilder.FontStyle.NORMAL);
            font(builder, SERIF, "DejaVuSerif-Bold.ttf", 700, BaseRendererBuilder.FontStyle.NORMAL);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void font(
            PdfRendererBuilder builder, String family, String file, int weight, BaseRendererBuilder.FontStyle style) {
        builder.useFont(() -> resource(file), family, weight, style, true);
    }

    private static InputStream resource(String file) {
        InputStream in = PdfRenderer.class.getResourceAsStream("/documents/fonts/" + file);
        if (in == null) {
            throw new IllegalStateException("font documents/fonts/" + file + " is not on the class path");
        }
        return in;
    }
}
