package fr.cqpi.lti;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.Session;

/** A session's last access is recorded at most once a minute; everything else passes through. */
class LastAccessThrottleTest {

    final MapSessionRepository store = new MapSessionRepository(new ConcurrentHashMap<>());
    final LastAccessThrottle sessions = new LastAccessThrottle(store);

    @Test
    void aRecentAccessIsNotRecordedAgain() {
        Instant recorded = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.SECONDS);
        Session session = stored(recorded);

        Session read = sessions.findById(session.getId());
        read.setLastAccessedTime(recorded.plusSeconds(59));
        assertThat(read.getLastAccessedTime()).isEqualTo(recorded);

        read.setLastAccessedTime(recorded.plus(LastAccessThrottle.RECORDED_EVERY));
        assertThat(read.getLastAccessedTime()).isEqualTo(recorded.plusSeconds(60));
        sessions.save(read);
        assertThat(store.findById(session.getId()).getLastAccessedTime()).isEqualTo(recorded.plusSeconds(60));
    }

    @Test
    void attributesIdsAndTimeoutsPassThrough() {
        Session read = sessions.findById(stored(Instant.now()).getId());
        read.setAttribute("launch", "L1");
        read.setMaxInactiveInterval(Duration.ofMinutes(30));
        String before = read.getId();
        String after = read.changeSessionId();
        sessions.save(read);

        MapSession saved = store.findById(after);
        assertThat(after).isNotEqualTo(before);
        assertThat(saved.<String>getAttribute("launch")).isEqualTo("L1");
        assertThat(saved.getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(sessions.findById(before)).isNull();
        sessions.deleteById(after);
        assertThat(store.findById(after)).isNull();
    }

    private Session stored(Instant lastAccess) {
        MapSession session = store.createSession();
        session.setLastAccessedTime(lastAccess);
        store.save(session);
        return session;
    }
}
