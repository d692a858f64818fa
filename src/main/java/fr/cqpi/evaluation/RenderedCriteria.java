package fr.cqpi.evaluation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.cqpi.referentiel.Referentiel;
import fr.cqpi.shared.ViewHtml;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

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

    private final ViewHtml views;

    private final ReadOnlyCriterion readOnly;

    /** Read-only criteria written by {@link ReadOnlyCriterion} (false: through Thymeleaf, to compare in tests). */
    boolean readOnlyWithoutTemplate = true;

    private final Cache<Key, String> cache = Caffeine.newBuilder()
            .maximumWeight(MAX_CHARS)
            .weigher((Key key, String html) -> html.length())
            .expireAfterAccess(Duration.ofHours(1))
            .build();

    RenderedCriteria(ViewHtml views, ReadOnlyCriterion readOnly) {
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
        return views.render(
                "evaluation/grid-parts :: criterion-alone",
                Map.of("grid", grid, "bloc", bloc, "k", k, "editable", editable),
                request,
                response);
    }
}
