package fr.cqpi.gradesync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScoreTimestampsTest {

    @Test
    void theFirstScoreCarriesTheTimeAfterTheResultsWereRead() {
        assertThat(ScoreTimestamps.next(Instant.parse("2026-12-01T10:00:00.123456Z"), null))
                .isEqualTo("2026-12-01T10:00:00.123Z");
    }

    @Test
    void aScoreInTheSameSecondAsTheLastOneMovesToTheNextWholeSecond() {
        assertThat(ScoreTimestamps.next(
                        Instant.parse("2026-12-01T10:00:00.900Z"), Instant.parse("2026-12-01T10:00:00.100Z")))
                .isEqualTo("2026-12-01T10:00:01Z");
    }

    @Test
    void aLaterSecondKeepsItsOwnTime() {
        assertThat(ScoreTimestamps.next(
                        Instant.parse("2026-12-01T10:00:02.250Z"), Instant.parse("2026-12-01T10:00:00.999Z")))
                .isEqualTo("2026-12-01T10:00:02.250Z");
    }

    @Test
    void aClockGoneBackStillGivesALaterSecondThanTheLastScore() {
        assertThat(ScoreTimestamps.next(
                        Instant.parse("2026-12-01T09:59:58Z"), Instant.parse("2026-12-01T10:00:00.500Z")))
                .isEqualTo("2026-12-01T10:00:01Z");
    }
}
