package fr.cqpi.lti;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The session repository Spring Session's filter uses, around the JDBC one: a session this request has just saved
 * is not read back from PostgreSQL by the same request. Spring Session's filter commits the session twice per
 * request (when the response is committed, then at its end) and the second commit reads the session it saved
 * again to compare ids (spring-session#1731): one statement and one deserialisation of the security context per
 * request. The saved session is kept for its own request only: {@link Scope} forgets it before and after each
 * request, so no later request, on this thread or another, ever sees it.
 */
final class SavedSessionReuse<S extends Session> implements SessionRepository<S> {

    private static final ThreadLocal<Session> SAVED_IN_THIS_REQUEST = new ThreadLocal<>();

    private final SessionRepository<S> delegate;

    SavedSessionReuse(SessionRepository<S> delegate) {
        this.delegate = delegate;
    }

    @Override
    public S createSession() {
        return delegate.createSession();
    }

    @Override
    public void save(S session) {
        delegate.save(session);
        if (Scope.ACTIVE.get() != null) {
            SAVED_IN_THIS_REQUEST.set(session);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public S findById(String id) {
        Session saved = SAVED_IN_THIS_REQUEST.get();
        if (saved != null && saved.getId().equals(id) && !saved.isExpired()) {
            return (S) saved;
        }
        return delegate.findById(id);
    }

    @Override
    public void deleteById(String id) {
        Session saved = SAVED_IN_THIS_REQUEST.get();
        if (saved != null && saved.getId().equals(id)) {
            SAVED_IN_THIS_REQUEST.remove();
        }
        delegate.deleteById(id);
    }

    /** Bounds the reuse to one request; runs before Spring Session's filter, so around both of its commits. */
    static final class Scope extends OncePerRequestFilter {

        private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            SAVED_IN_THIS_REQUEST.remove();
            ACTIVE.set(Boolean.TRUE);
            try {
                chain.doFilter(request, response);
            } finally {
                ACTIVE.remove();
                SAVED_IN_THIS_REQUEST.remove();
            }
        }
    }
}
