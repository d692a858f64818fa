package fr.cqpi.gradesync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.cqpi.lti.Platform;
import fr.cqpi.support.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The bloc columns (AGS line items): created once, found across pages of Moodle and Canvas, created again when
 * deleted.
 */
class LineItemsTest extends GradebookTest {

    @Autowired
    LineItems lineItems;

    @Test
    void columnsAskedForAtOnceAreCreatedOnce() throws Exception {
        newGradebook("moodle");
        // A slow gradebook, so that the trainer launch's background work and the two calls below overlap.
        stubMoodleLineItems(500);
        stubMoodleScores();
        launchAll(moodleLineItems(), "amina");
        Platform registered =
                registry.findForLogin(platform.issuer(), platform.clientId()).orElseThrow();
        long courseId = jdbc.sql("select id from course where platform_id = :p")
                .param("p", registered.id())
                .query(Long.class)
                .single();
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            for (Future<?> call : two.invokeAll(List.of(
                    Executors.callable(() -> lineItems.ensure(registered, courseId)),
                    Executors.callable(() -> lineItems.ensure(registered, courseId))))) {
                call.get();
            }
        } finally {
            two.shutdown();
        }
        assertThat(columnsCreated()).hasSize(4);
        assertThat(jdbc.sql("select count(*) from line_item where course_id = :c")
                        .param("c", courseId)
                        .query(Long.class)
                        .single())
                .isEqualTo(4);
    }

    @Test
    void existingLineItemsAcrossPagesAreUsedAndNoColumnIsDuplicated() {
        newGradebook("canvas");
        String container = LMS.baseUrl() + prefix + "/api/lti/courses/42/line_items";
        LMS.stubFor(get(urlPathEqualTo(prefix + "/api/lti/courses/42/line_items"))
                .withQueryParam("page", equalTo("2"))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", LineItem.CONTAINER)
                        .withBody("[" + item(container, 3, "B3") + "," + item(container, 4, "B4") + "]")));
        LMS.stubFor(get(urlPathEqualTo(prefix + "/api/lti/courses/42/line_items"))
                .atPriority(2)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", LineItem.CONTAINER)
                        .withHeader("Link", "<" + container + "?page=2>; rel=\"next\"")
                        .withBody("[" + item(container, 1, "B1") + "," + item(container, 2, "B2") + "]")));
        LMS.stubFor(post(urlPathMatching(prefix + "/api/lti/courses/42/line_items/\\d+/scores"))
                .willReturn(aResponse().withStatus(204)));
        launchAll(container, "lucas");
        judge("lucas", "C9.1", "ACQUIS");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(LMS.findAll(postRequestedFor(urlPathMatching(prefix + "/.*/scores"))))
                        .hasSize(1));
        assertThat(LMS.findAll(postRequestedFor(urlPathEqualTo(prefix + "/api/lti/courses/42/line_items"))))
                .isEmpty();
        assertThat(LMS.findAll(postRequestedFor(urlPathMatching(prefix + "/.*/scores")))
                        .get(0)
                        .getUrl())
                .isEqualTo(prefix + "/api/lti/courses/42/line_items/4/scores");
        // A new launch does not create columns either.
        relaunchTrainer(container);
        assertThat(LMS.findAll(postRequestedFor(urlPathEqualTo(prefix + "/api/lti/courses/42/line_items"))))
                .isEmpty();
    }

    /**
     * Moodle 5.1 pages its line items with a Link header of typographic quotes and HTML-escaped ampersands
     * ({@code lineitems.php}: {@code rel=“next”}, {@code moodle_url::out()}), sent as UTF-8 bytes: the tool still
     * follows every page, finds the four bloc columns already there and creates none.
     */
    @Test
    void moodlesPagedLineItemsWithTypographicQuotesAreAllFound() {
        newGradebook("moodle");
        String endpoint = LMS.baseUrl() + prefix + "/lineitems";
        // One line item a page, as Moodle answers with limit=1: B1 first, then B2, B3, B4.
        for (int from = 0; from < 4; from++) {
            var page = get(urlPathEqualTo(prefix + "/lineitems"));
            page = from == 0
                    ? page.atPriority(2)
                    : page.withQueryParam("from", equalTo(String.valueOf(from)))
                            .withQueryParam("limit", equalTo("1"))
                            .atPriority(1);
            LMS.stubFor(page.willReturn(aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", LineItem.CONTAINER)
                    .withHeader("Link", moodleLinks(endpoint + "?resource_link_id=grid-link&tag=cqpi-bloc", from, 1, 4))
                    .withBody("[" + moodleItem(endpoint, from + 1, "B" + (from + 1)) + "]")));
        }
        // A column created anyway would be a duplicate, numbered from 11.
        for (int b = 1; b <= 4; b++) {
            LMS.stubFor(post(urlPathEqualTo(prefix + "/lineitems"))
                    .withRequestBody(matchingJsonPath("$.resourceId", equalTo("B" + b)))
                    .willReturn(aResponse()
                            .withStatus(201)
                            .withHeader("Content-Type", LineItem.MEDIA_TYPE)
                            .withBody(moodleItem(endpoint, 10 + b, "B" + b))));
        }
        stubMoodleScores();
        launchAll(endpoint + "?type_id=1", "lucas");
        judge("lucas", "C9.1", "ACQUIS");
        await().atMost(WAIT).untilAsserted(() -> assertThat(scoresPosted()).hasSize(1));
        assertThat(scoresPosted().get(0).getUrl()).isEqualTo(prefix + "/lineitems/4/lineitem/scores?type_id=1");
        assertThat(columnsCreated()).isEmpty();
        // Every page asked for, with Moodle's parameters read back from the escaped link (limit, not amp;limit).
        List<String> pagesAsked = LMS.findAll(getRequestedFor(urlPathEqualTo(prefix + "/lineitems"))).stream()
                .map(r -> r.queryParameter("from").isPresent()
                        ? r.queryParameter("from").firstValue() + "/"
                                + r.queryParameter("limit").firstValue()
                        : "first")
                .distinct()
                .toList();
        assertThat(pagesAsked).containsExactly("first", "1/1", "2/1", "3/1");
        assertThat(jdbc.sql("select bloc_code || ' ' || url from line_item l join course c on c.id = l.course_id"
                                + " where c.platform_id = :p order by bloc_code")
                        .param("p", platform.platform().id())
                        .query(String.class)
                        .list())
                .containsExactly(
                        "B1 " + endpoint + "/1/lineitem?type_id=1",
                        "B2 " + endpoint + "/2/lineitem?type_id=1",
                        "B3 " + endpoint + "/3/lineitem?type_id=1",
                        "B4 " + endpoint + "/4/lineitem?type_id=1");
        // A new launch does not create columns either.
        relaunchTrainer(endpoint + "?type_id=1");
        assertThat(columnsCreated()).isEmpty();
    }

    /**
     * The Link header of Moodle 5.1's {@code lineitems.php} for the page starting at {@code from}: first, prev,
     * canonical, next, last, with typographic quotes and {@code &amp;}; as the UTF-8 bytes PHP sends (each byte one
     * ISO-8859-1 character, so that Jetty writes it unchanged).
     */
    static String moodleLinks(String base, int from, int limit, int total) {
        String page = base.replace("&", "&amp;") + "&amp;type_id=1&amp;limit=" + limit + "&amp;from=";
        String links = "<" + page + "0>; rel=“first”";
        if (from > 0) {
            links += ", <" + page + Math.max(0, from - limit) + ">; rel=“prev”";
        }
        links += ", <" + page + from + ">; rel=“canonical”";
        if (from + limit <= total - 1) {
            links += ", <" + page + (from + limit) + ">; rel=“next”";
        }
        links += ", <" + page + Math.max(0, total - limit + 1) + ">; rel=“last”";
        return new String(links.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** A line item as Moodle's {@code gradebookservices::item_for_json} writes it. */
    static String moodleItem(String endpoint, int n, String bloc) {
        return Json.object(
                "id",
                endpoint + "/" + n + "/lineitem?type_id=1",
                "label",
                bloc,
                "scoreMaximum",
                100,
                "resourceId",
                bloc,
                "tag",
                "cqpi-bloc",
                "resourceLinkId",
                "grid-link",
                "ltiLinkId",
                "grid-link");
    }

    @Test
    void aDeletedLineItemIsRecreatedOnTheNextTrainerLaunch() {
        moodleCourse("paul");
        judge("paul", "C1.1", "ACQUIS");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(status("paul", "B1")).isEqualTo("SENT"));
        LMS.stubFor(post(urlPathEqualTo(prefix + "/lineitems/1/lineitem/scores"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(404).withBody("line item not found")));
        judge("paul", "C1.2", "ACQUIS");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(status("paul", "B1")).isEqualTo("FAILED"));
        assertThat(jdbc.sql("select count(*) from line_item where url like :u")
                        .param("u", "%" + prefix + "/lineitems/1/lineitem%")
                        .query(Long.class)
                        .single())
                .isZero();

        // The next trainer launch creates the column again and the refused score goes to it.
        LMS.stubFor(post(urlPathEqualTo(prefix + "/lineitems"))
                .withQueryParam("type_id", equalTo("1"))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.resourceId", equalTo("B1")))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", LineItem.MEDIA_TYPE)
                        .withBody(Json.object(
                                "id",
                                LMS.baseUrl() + prefix + "/lineitems/11/lineitem?type_id=1",
                                "resourceId",
                                "B1"))));
        String container = moodleLineItems();
        relaunchTrainer(container);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(status("paul", "B1")).isEqualTo("SENT"));
        assertThat(LMS.findAll(postRequestedFor(urlPathEqualTo(prefix + "/lineitems/11/lineitem/scores"))))
                .hasSize(1);
    }
}
