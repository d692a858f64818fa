package fr.cqpi.lti;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * The session repository Spring Session's filter uses: the JDBC one (through {@link SavedSessionReuse}), except that
 * a request records its session's last access only when the recorded one is older than {@link #RECORDED_EVERY}.
 * Spring Session's filter sets the last access on every request, which makes the JDBC session changed, so every page
 * and every htmx load of a session cost an UPDATE in its own transaction (9 % of a learner's grid page). A session
 * that nothing else changed is now not written at all; its idle timeout (30 minutes) may count from up to a minute
 * before its last request.
 */
final class LastAccessThrottle implements SessionRepository<Session> {

    static final Duration RECORDED_EVERY = Duration.ofMinutes(1);

    private final SessionRepository<Session> delegate;

    @SuppressWarnings("unchecked")
    LastAccessThrottle(SessionRepository<? extends Session> delegate) {
        this.delegate = (SessionRepository<Session>) delegate;
    }

    @Override
    public Session createSession() {
        return new Throttled(delegate.createSession());
    }

    @Override
    public void save(Session session) {
        delegate.save(((Throttled) session).session);
    }

    @Override
    public Session findById(String id) {
        Session session = delegate.findById(id);
        return session == null ? null : new Throttled(session);
    }

    @Override
    public void deleteById(String id) {
        delegate.deleteById(id);
    }

    /** The repository's session, its last access set only when the one recorded is a minute old or more. */
    private record Throttled(Session session) implements Session {

        @Override
        public void setLastAccessedTime(Instant at) {
            if (!at.isBefore(session.getLastAccessedTime().plus(RECORDED_EVERY))) {
                session.setLastAccessedTime(at);
            }
        }

        @Override
        public String getId() {
            return session.getId();
        }

        @Override
        public String changeSessionId() {
            return session.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String name) {
            return session.getAttribute(name);
        }

        @Override
        public Set<String> getAttributeNames() {
            return session.getAttributeNames();
        }

        @Override
        public void setAttribute(String name, Object value) {
            session.setAttribute(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            session.removeAttribute(name);
        }

        @Override
        public Instant getCreationTime() {
            return session.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return session.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            session.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return session.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return session.isExpired();
        }
    }
}
