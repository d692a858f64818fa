package fr.cqpi.lti;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;

/** The session a request saved is reused by that request only, never by a later one. */
class SavedSessionReuseTest {

    final AtomicInteger reads = new AtomicInteger();
    final MapSessionRepository store = new MapSessionRepository(new ConcurrentHashMap<>()) {
        @Override
        public MapSession findById(String id) {
            reads.incrementAndGet();
            return super.findById(id);
        }
    };
    final SavedSessionReuse<MapSession> sessions = new SavedSessionReuse<>(store);

    void inOneRequest(Runnable work) throws Exception {
        new SavedSessionReuse.Scope()
                .doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), (req, res) -> work.run());
    }

    @Test
    void theRequestThatSavedASessionDoesNotReadItBack() throws Exception {
        inOneRequest(() -> {
            MapSession session = sessions.createSession();
            sessions.save(session);
            assertThat(sessions.findById(session.getId())).isSameAs(session);
            assertThat(reads).hasValue(0);
            assertThat(sessions.findById("another")).isNull();
            assertThat(reads).hasValue(1);
        });
    }

    @Test
    void theNextRequestReadsTheStore() throws Exception {
        MapSession[] saved = new MapSession[1];
        inOneRequest(() -> {
            saved[0] = sessions.createSession();
            sessions.save(saved[0]);
        });
        inOneRequest(() -> {
            assertThat(sessions.findById(saved[0].getId())).isNotSameAs(saved[0]);
            assertThat(reads).hasValue(1);
        });
        // Outside any request (a background thread) nothing is kept either.
        MapSession other = sessions.createSession();
        sessions.save(other);
        sessions.findById(other.getId());
        assertThat(reads).hasValue(2);
    }

    @Test
    void aDeletedSessionIsNotReused() throws Exception {
        inOneRequest(() -> {
            MapSession session = sessions.createSession();
            sessions.save(session);
            sessions.deleteById(session.getId());
            assertThat(sessions.findById(session.getId())).isNull();
            assertThat(reads).hasValue(1);
        });
    }
}
