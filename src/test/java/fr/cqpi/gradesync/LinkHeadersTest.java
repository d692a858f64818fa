package fr.cqpi.gradesync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkHeadersTest {

    static final String ITEMS = "https://moodle.example/mod/lti/services.php/2/lineitems";

    /** The header as Moodle 5.1's lineitems.php writes it: typographic quotes, &amp; from moodle_url::out(). */
    static String moodle(boolean withNext) {
        String page = ITEMS + "?type_id=1&amp;limit=10&amp;from=";
        return "<" + page + "0>; rel=“first”, <" + page + "0>; rel=“prev”, <" + page + "10>; rel=“canonical”"
                + (withNext ? ", <" + page + "20>; rel=“next”" : "") + ", <" + page + "21>; rel=“last”";
    }

    /** What the HTTP client hands over: the UTF-8 bytes PHP sent, each read as one ISO-8859-1 character. */
    static String asReceived(String header) {
        return new String(header.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    @Test
    void moodlesTypographicQuotesAreRead() {
        assertThat(LinkHeaders.next(List.of(moodle(true)))).contains(ITEMS + "?type_id=1&limit=10&from=20");
        assertThat(LinkHeaders.next(List.of(asReceived(moodle(true))))).contains(ITEMS + "?type_id=1&limit=10&from=20");
        assertThat(LinkHeaders.target(List.of(asReceived(moodle(true))), "last"))
                .contains(ITEMS + "?type_id=1&limit=10&from=21");
    }

    @Test
    void moodlesLastPageHasNoNext() {
        assertThat(LinkHeaders.next(List.of(moodle(false)))).isEmpty();
        assertThat(LinkHeaders.next(List.of(asReceived(moodle(false))))).isEmpty();
    }

    @Test
    void straightQuotesTokensAndAnyCase() {
        assertThat(LinkHeaders.next(List.of("<https://lms.example/p2>; rel=\"next\"")))
                .contains("https://lms.example/p2");
        assertThat(LinkHeaders.next(List.of("<https://lms.example/p2>; rel=next")))
                .contains("https://lms.example/p2");
        assertThat(LinkHeaders.next(List.of("<https://lms.example/p2>;rel=NEXT")))
                .contains("https://lms.example/p2");
        assertThat(LinkHeaders.next(List.of("<https://lms.example/p2>; REL=\"Next\"")))
                .contains("https://lms.example/p2");
        assertThat(LinkHeaders.next(List.of("  < https://lms.example/p2 >  ;  rel  =  \" next \"  ")))
                .contains("https://lms.example/p2");
        assertThat(LinkHeaders.next(List.of("<https://lms.example/p2>; rel='next'")))
                .contains("https://lms.example/p2");
    }

    @Test
    void severalLinksInOneHeaderOrInSeveral() {
        // Canvas: rel="current", "next", "first", "last" in one header.
        String canvas = "<https://canvas.example/api/lti/courses/1/line_items?page=1&per_page=10>; rel=\"current\","
                + "<https://canvas.example/api/lti/courses/1/line_items?page=2&per_page=10>; rel=\"next\","
                + "<https://canvas.example/api/lti/courses/1/line_items?page=1&per_page=10>; rel=\"first\","
                + "<https://canvas.example/api/lti/courses/1/line_items?page=3&per_page=10>; rel=\"last\"";
        assertThat(LinkHeaders.next(List.of(canvas)))
                .contains("https://canvas.example/api/lti/courses/1/line_items?page=2&per_page=10");
        assertThat(LinkHeaders.next(List.of("<https://lms.example/a>; rel=prev", "<https://lms.example/b>; rel=next")))
                .contains("https://lms.example/b");
        assertThat(LinkHeaders.next(List.of("<https://lms.example/a>; rel=prev")))
                .isEmpty();
    }

    @Test
    void severalRelationsInOneValue() {
        assertThat(LinkHeaders.next(List.of("<https://lms.example/p2>; rel=\"next last\"")))
                .contains("https://lms.example/p2");
        assertThat(LinkHeaders.next(List.of("<https://lms.example/p1>; rel=\"prev  first\", <https://lms.example/p3>;"
                        + " rel=“last next”")))
                .contains("https://lms.example/p3");
    }

    @Test
    void onlyTheRelParameterAndWholeRelationsCount() {
        assertThat(LinkHeaders.next(List.of("<https://lms.example/p1>; title=\"next\"; rel=\"first\"")))
                .isEmpty();
        assertThat(LinkHeaders.next(List.of("<https://lms.example/p1>; rel=\"nextpage\"")))
                .isEmpty();
        assertThat(LinkHeaders.next(List.of("<https://lms.example/p1>; rel=\"prefetch\"; anchor=\"#next\"")))
                .isEmpty();
        assertThat(LinkHeaders.next(List.of("<https://lms.example/p1>; rev=\"next\"")))
                .isEmpty();
    }

    @Test
    void commasInsideTargetsOrQuotesDoNotSeparateLinks() {
        assertThat(LinkHeaders.next(List.of("<https://lms.example/items?ids=1,2>; rel=\"first\"; title=\"a, b\","
                        + " <https://lms.example/items?ids=3,4>; rel=next")))
                .contains("https://lms.example/items?ids=3,4");
    }

    @Test
    void nothingReadableGivesNoNextPage() {
        assertThat(LinkHeaders.next(null)).isEmpty();
        assertThat(LinkHeaders.next(List.of())).isEmpty();
        assertThat(LinkHeaders.next(Arrays.asList((String) null))).isEmpty();
        assertThat(LinkHeaders.next(List.of("rel=next"))).isEmpty();
        assertThat(LinkHeaders.next(List.of("<>; rel=next"))).isEmpty();
        assertThat(LinkHeaders.next(List.of("<https://lms.example/p2; rel=next")))
                .isEmpty();
    }

    @Test
    void aLatin1HeaderThatIsNotUtf8IsKeptAsItIs() {
        assertThat(LinkHeaders.utf8Again("<https://lms.example/é>; rel=next"))
                .isEqualTo("<https://lms.example/é>; rel=next");
        assertThat(LinkHeaders.utf8Again(asReceived("rel=“next”"))).isEqualTo("rel=“next”");
        assertThat(LinkHeaders.utf8Again("rel=“next”")).isEqualTo("rel=“next”");
    }
}
