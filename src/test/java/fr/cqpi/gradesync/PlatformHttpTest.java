package fr.cqpi.gradesync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlatformHttpTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void theNextPageIsTheLinkWithRelNextWhereverItStands() {
        assertThat(
                        PlatformHttp.nextLink(
                                List.of(
                                        "<https://lms.example/items?page=1>; rel=\"first\", <https://lms.example/items?page=3>; rel=\"next\"")))
                .contains("https://lms.example/items?page=3");
        assertThat(PlatformHttp.nextLink(
                        List.of("<https://lms.example/a>; rel=prev", "<https://lms.example/b>; rel=next")))
                .contains("https://lms.example/b");
    }

    @Test
    void noNextLinkMeansTheLastPage() {
        assertThat(PlatformHttp.nextLink(List.of())).isEmpty();
        assertThat(PlatformHttp.nextLink(List.of("<https://lms.example/items?page=1>; rel=\"first\"")))
                .isEmpty();
    }

    @Test
    void retryAfterReadsSecondsAndHttpDates() {
        assertThat(PlatformHttp.retryAfter("120", NOW)).isEqualTo(Duration.ofSeconds(120));
        assertThat(PlatformHttp.retryAfter(" 0 ", NOW)).isEqualTo(Duration.ZERO);
        assertThat(PlatformHttp.retryAfter("Sun, 01 Mar 2026 10:01:30 GMT", NOW))
                .isEqualTo(Duration.ofSeconds(90));
        assertThat(PlatformHttp.retryAfter("Sun, 01 Mar 2026 09:00:00 GMT", NOW))
                .isEqualTo(Duration.ZERO);
    }

    @Test
    void anUnreadableRetryAfterIsIgnored() {
        assertThat(PlatformHttp.retryAfter(null, NOW)).isNull();
        assertThat(PlatformHttp.retryAfter("", NOW)).isNull();
        assertThat(PlatformHttp.retryAfter("soon", NOW)).isNull();
        assertThat(PlatformHttp.retryAfter("-5", NOW)).isEqualTo(Duration.ZERO);
    }
}
