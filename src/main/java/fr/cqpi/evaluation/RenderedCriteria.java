package fr.cqpi.evaluation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.cqpi.referentiel.Referentiel;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * The criteria of a grid (fragment {@code criterion} of grid-parts.html, 80 per grid: nine tenths of a grid page's
 * rendering), each rendered once per distinct content. The key is everything the fragment shows, read from
 * PostgreSQL for this request — both evaluators' judgments (version, author, time, comment…), their sessions, the
 * criterion, the bloc's modalities, the learner, whether the form is editable, whether the jury decided the bloc
 * (and when), whether the other evaluator's judgment shows, the locale — so a cached criterion
 * is the one this request would render: no version to invalidate, nothing stale across instances. The fragment
 * holds nothing of the viewer's (no CSRF token, no name of theirs, no session): those stay in the page around it.
 */
@Component
class RenderedCriteria {

    /** Characters kept, about 5,000 criteria (60 learners' grids in each of two views); the least used go first. */
    private static final long MAX_CHARS = 16_000_000;

    private record Key(
            Locale locale,
            String contextPath,
            boolean editable,
            String learnerSub,
            Referentiel.Criterion criterion,
            List<Referentiel.Modality> modalities,
            Judgment mine,
            Judgment other,
            EvaluationSession mineSession,
            EvaluationSession otherSession,
            LocalDate lockedOn,
            boolean showsOther) {}

    /** Looked up when a criterion is first rendered: the module also starts without a web layer (its module test). */
    private final ObjectProvider<ThymeleafViewResolver> views;

    private final ReadOnlyCriterion readOnly;

    /** Read-only criteria written by {@link ReadOnlyCriterion} (false: through Thymeleaf, to compare in tests). */
    boolean readOnlyWithoutTemplate = true;

    private final Cache<Key, String> cache = Caffeine.newBuilder()
            .maximumWeight(MAX_CHARS)
            .weigher((Key key, String html) -> html.length())
            .expireAfterAccess(Duration.ofHours(1))
            .build();

    RenderedCriteria(ObjectProvider<ThymeleafViewResolver> views, ReadOnlyCriterion readOnly) {
        this.views = views;
        this.readOnly = readOnly;
    }

    /** Each criterion's markup (escaped as Thymeleaf escapes it), by criterion code, for the blocs given. */
    Map<String, String> of(
            LearnerGrid grid,
            List<Referentiel.Bloc> blocs,
            boolean editable,
            HttpServletRequest request,
            HttpServletResponse response) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> html = new HashMap<>();
        if (!editable && readOnlyWithoutTemplate) {
            // The learner's own grid: cheaper to write than to look up, and no other learner would hit it.
            for (Referentiel.Bloc bloc : blocs) {
                bloc.criteria().forEach(k -> html.put(k.code(), readOnly.render(grid, bloc, k, locale)));
            }
            return html;
        }
        for (Referentiel.Bloc bloc : blocs) {
            bloc.criteria().forEach(k -> {
                Judgment mine = grid.mine(k.code());
                Judgment other = grid.other(k.code());
                Key key = new Key(
                        locale,
                        request.getContextPath(),
                        editable,
                        grid.learner().sub(),
                        k,
                        bloc.modalities(),
                        mine,
                        other,
                        grid.session(mine.sessionId()),
                        grid.session(other.sessionId()),
                        grid.lockedOn(bloc.code()),
                        grid.showsOther());
                html.put(k.code(), cache.get(key, unused -> render(grid, bloc, k, editable, request, response)));
            });
        }
        return html;
    }

    private String render(
            LearnerGrid grid,
            Referentiel.Bloc bloc,
            Referentiel.Criterion k,
            boolean editable,
            HttpServletRequest request,
            HttpServletResponse response) {
        try {
            var view = views.getObject()
                    .resolveViewName("evaluation/grid-parts :: criterion-alone", LocaleContextHolder.getLocale());
            Captured captured = new Captured(response);
            // Thymeleaf keeps a web context's variables as request attributes: those of this fragment go after it.
            Set<String> before = new HashSet<>(Collections.list(request.getAttributeNames()));
            try {
                view.render(Map.of("grid", grid, "bloc", bloc, "k", k, "editable", editable), request, captured);
            } finally {
                Collections.list(request.getAttributeNames()).stream()
                        .filter(name -> !before.contains(name))
                        .forEach(request::removeAttribute);
            }
            captured.writer.flush();
            return captured.out.toString().strip();
        } catch (Exception e) {
            throw new IllegalStateException("criterion " + k.code() + " not rendered", e);
        }
    }

    /** The response a fragment is rendered into: its text kept, the real response's headers untouched. */
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
