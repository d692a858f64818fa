package fr.cqpi.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While PostgreSQL is unreachable (restarting, failing over), every request that needs it, the session's included,
 * is answered 503 with a Retry-After and a short message, never a 500 or a stack trace. The transaction never began
 * or was rolled back, except when the connection broke during the commit itself (PostgreSQL may have committed it:
 * the client was not told it had, and the message says to check). Placed before Spring Session's filter, which reads the session from the
 * database.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    /** Seconds a client is told to wait before trying again. */
    static final String RETRY_AFTER = "5";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!databaseUnavailable(e) || response.isCommitted()) {
                throw e;
            }
            log.warn(
                    "Database unavailable: {} {} answered 503 ({})",
                    request.getMethod(),
                    request.getRequestURI(),
                    rootMessage(e));
            response.reset();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", RETRY_AFTER);
            response.setHeader("Cache-Control", "no-store");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                response.setContentType("application/problem+json");
                response.getWriter()
                        .write("{\"title\":\"database_unavailable\",\"status\":503,\"detail\":\"The database is"
                                + " unavailable for a moment: the request was not done (or, if it was cut while being"
                                + " saved, may have been: check). Try again in a few seconds.\"}");
            } else {
                response.setContentType("text/html");
                response.getWriter()
                        .write("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Service"
                                + " momentanément indisponible</title></head><body><main><h1>Service momentanément"
                                + " indisponible</h1><p>La base de données ne répond pas : la demande n'a pas abouti"
                                + " (vérifiez, si elle a été coupée pendant l'enregistrement). Réessayez dans quelques"
                                + " secondes.</p><p lang=\"en\">The database is unavailable for a moment: the request"
                                + " was not done (check, if it was cut while being saved). Try again in a few"
                                + " seconds.</p></main></body>"
                                + "</html>");
            }
        }
    }

    /** The database cannot be reached, or dropped the connection: a connection failure anywhere in the causes. */
    static boolean databaseUnavailable(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof DataAccessResourceFailureException
                    || e instanceof CannotCreateTransactionException
                    || e instanceof TransientDataAccessResourceException
                    || e instanceof RecoverableDataAccessException
                    || e instanceof SQLTransientConnectionException) {
                return true;
            }
            // A commit or rollback that failed at the JDBC level: the connection broke under it.
            if (e instanceof TransactionSystemException failed
                    && (failed.getCause() instanceof SQLException
                            || (failed.getApplicationException() != null
                                    && databaseUnavailable(failed.getApplicationException())))) {
                return true;
            }
            if (e instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08: connection exception; 57P01-03: shutdown, crash shutdown, cannot connect now (recovery).
                if (state.startsWith("08") || state.startsWith("57P0")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
