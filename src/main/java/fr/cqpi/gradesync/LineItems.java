package fr.cqpi.gradesync;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.cqpi.course.Course;
import fr.cqpi.course.Courses;
import fr.cqpi.lti.Platform;
import fr.cqpi.referentiel.Referentiel;
import fr.cqpi.referentiel.ReferentielCatalog;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The gradebook columns of a course: one line item per bloc and resource link, looked up on the platform
 * before any is created (so that launching again never adds a column), or the platform's own line item
 * when a bloc was placed by deep linking; and the activity's own column (the launch's {@code lineitem} on a link
 * that is not a placed bloc), kept as {@link ActivityColumn#CODE}.
 */
@Component
class LineItems {

    private final JdbcClient jdbc;
    private final PlatformHttp http;
    private final ServiceTokens tokens;
    private final ReferentielCatalog catalog;
    private final Courses courses;
    private final TransactionOperations transactions;
    /** The line items of a course's bloc, for a few seconds: every score of a bloc needs them. */
    private final Cache<BlocOfCourse, List<String>> knownCache = Caffeine.newBuilder()
            .maximumSize(50_000)
            .expireAfterWrite(Duration.ofSeconds(10))
            .build();

    private record BlocOfCourse(long courseId, String blocCode) {}

    LineItems(
            JdbcClient jdbc,
            PlatformHttp http,
            ServiceTokens tokens,
            ReferentielCatalog catalog,
            Courses courses,
            TransactionOperations transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.courses = courses;
        this.http = http;
        this.tokens = tokens;
        this.catalog = catalog;
    }

    record Link(long id, String linkId, String bloc, String platformLineItem) {}

    /** The line item URLs that receive a bloc's scores in a course, creating what is missing. */
    List<String> forBloc(Platform platform, long courseId, String blocCode) {
        List<String> known = knownCache.get(new BlocOfCourse(courseId, blocCode), key -> known(courseId, blocCode));
        if (!known.isEmpty()) {
            return known;
        }
        knownCache.invalidate(new BlocOfCourse(courseId, blocCode));
        ensure(platform, courseId);
        return known(courseId, blocCode);
    }

    /** Whether the course has any gradebook column of the tool's. */
    boolean any(long courseId) {
        return jdbc.sql("select exists (select 1 from line_item where course_id = :course)")
                .param("course", courseId)
                .query(Boolean.class)
                .single();
    }

    List<String> known(long courseId, String blocCode) {
        return jdbc.sql("select url from line_item where course_id = :course and bloc_code = :bloc order by id")
                .param("course", courseId)
                .param("bloc", blocCode)
                .query(String.class)
                .list();
    }

    /**
     * Makes sure every resource link of the course has its line items. A trainer's launch and the first score
     * of the course both get here at once (on one instance or several): a transaction-scoped advisory lock per
     * course makes the second wait and then find the columns the first created, instead of creating them twice.
     */
    void ensure(Platform platform, long courseId) {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtextextended('cqpi.line_item', :course))) l")
                    .param("course", courseId)
                    .query(Integer.class)
                    .single();
            ensureLocked(platform, courseId);
        });
    }

    private void ensureLocked(Platform platform, long courseId) {
        String container = courses.find(courseId).map(Course::agsLineItems).orElse(null);
        List<Link> links = courses.resourceLinks(courseId).stream()
                .map(l -> new Link(l.id(), l.linkId(), l.custom().get("bloc"), l.agsLineItem()))
                .toList();
        Referentiel referentiel = catalog.current().referentiel();
        for (Link link : links) {
            if (link.bloc() != null && link.platformLineItem() != null) {
                store(courseId, link.id(), link.bloc(), link.platformLineItem(), true);
                continue;
            }
            if (link.platformLineItem() != null) {
                // The activity's own column: the overall result; the blocs get their columns as well.
                store(courseId, link.id(), ActivityColumn.CODE, link.platformLineItem(), true);
            }
            if (container == null) {
                continue;
            }
            List<Referentiel.Bloc> blocs = link.bloc() != null
                    ? referentiel.bloc(link.bloc()).map(List::of).orElse(List.of())
                    : referentiel.blocs();
            List<String> missing = blocs.stream()
                    .map(Referentiel.Bloc::code)
                    .filter(code -> !hasLineItem(courseId, link.id(), code))
                    .toList();
            if (missing.isEmpty()) {
                continue;
            }
            Map<String, String> existing = existingOnPlatform(platform, container, link.linkId());
            for (Referentiel.Bloc bloc : blocs) {
                if (!missing.contains(bloc.code())) {
                    continue;
                }
                String url = existing.get(bloc.code());
                if (url == null) {
                    url = create(platform, container, link.linkId(), bloc);
                }
                store(courseId, link.id(), bloc.code(), url, false);
            }
        }
    }

    /** Forgets a line item the platform no longer has, so that the next trainer launch creates it again. */
    void forget(long courseId, String url) {
        knownCache.invalidateAll();
        jdbc.sql("delete from line_item where course_id = :course and url = :url and not from_platform")
                .param("course", courseId)
                .param("url", url)
                .update();
    }

    private boolean hasLineItem(long courseId, long linkId, String bloc) {
        return jdbc.sql(
                                "select count(*) from line_item where course_id = :c and resource_link_id = :l and bloc_code = :b")
                        .param("c", courseId)
                        .param("l", linkId)
                        .param("b", bloc)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Line items of this link already on the platform, by resourceId, across every page. */
    private Map<String, String> existingOnPlatform(Platform platform, String container, String linkId) {
        Map<String, String> byBloc = new LinkedHashMap<>();
        String first = withQuery(
                container,
                "resource_link_id=" + URLEncoder.encode(linkId, StandardCharsets.UTF_8) + "&tag=" + BlocColumn.TAG);
        PlatformHttp.forEachPage(
                first,
                100,
                page -> call(platform, "GET", page, LineItem.CONTAINER, null, null),
                LineItem[].class,
                items -> {
                    for (LineItem item : items) {
                        String itemLink = item.resourceLinkId() == null ? linkId : item.resourceLinkId();
                        if (item.resourceId() != null
                                && !item.resourceId().isEmpty()
                                && itemLink.equals(linkId)
                                && item.id() != null) {
                            byBloc.putIfAbsent(item.resourceId(), item.id());
                        }
                    }
                });
        return byBloc;
    }

    private String create(Platform platform, String container, String linkId, Referentiel.Bloc bloc) {
        PlatformHttp.Response response = call(
                platform,
                "POST",
                container,
                LineItem.MEDIA_TYPE,
                LineItem.MEDIA_TYPE,
                PlatformHttp.write(LineItem.toCreate(BlocColumn.of(bloc), linkId)));
        String id = PlatformHttp.read(response.body(), LineItem.class).id();
        if (id == null) {
            throw new PlatformCallException(
                    PlatformCallException.Kind.RETRYABLE, response.status(), "line item created without an id", null);
        }
        return id;
    }

    private void store(long courseId, long linkId, String bloc, String url, boolean fromPlatform) {
        jdbc.sql("""
                        insert into line_item (course_id, resource_link_id, bloc_code, url, from_platform)
                        values (:c, :l, :b, :url, :fromPlatform)
                        on conflict (course_id, resource_link_id, bloc_code) do update set url = excluded.url,
                            from_platform = excluded.from_platform""")
                .param("c", courseId)
                .param("l", linkId)
                .param("b", bloc)
                .param("url", url)
                .param("fromPlatform", fromPlatform)
                .update();
    }

    PlatformHttp.Response call(
            Platform platform, String method, String url, String accept, String contentType, String body) {
        return tokens.call(
                platform, ServiceTokens.AGS, url, token -> http.send(method, url, accept, contentType, body, token));
    }

    /** Adds query parameters to a URL that may already have some (Moodle's ?type_id=N). */
    static String withQuery(String url, String query) {
        int fragment = url.indexOf('#');
        String base = fragment < 0 ? url : url.substring(0, fragment);
        return base + (base.contains("?") ? "&" : "?") + query;
    }

    /** A line item's sub-resource ("/scores", "/results"): added to its path, its query string kept. */
    static String subResource(String lineItemUrl, String name) {
        int q = lineItemUrl.indexOf('?');
        String path = q < 0 ? lineItemUrl : lineItemUrl.substring(0, q);
        String query = q < 0 ? "" : lineItemUrl.substring(q);
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path + "/" + name + query;
    }
}
