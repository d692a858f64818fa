package fr.cqpi.web;

import fr.cqpi.lti.LaunchAuthentication;
import fr.cqpi.lti.LaunchContext;
import fr.cqpi.privacy.ReadLog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records every successful read of a learner's grid, history, evidence, jury decisions or documents by someone other
 * than the learner ({@link ReadLog}): the route's pattern says what was read, its path variable whose.
 */
@Component
class ReadAuditInterceptor implements HandlerInterceptor {

    /** The GET routes that show a learner's data, and what each shows. */
    static final Map<String, ReadLog.What> ROUTES = Map.ofEntries(
            Map.entry("/app/learners/{sub}", ReadLog.What.GRID),
            Map.entry("/app/learners/{sub}/history", ReadLog.What.HISTORY),
            Map.entry("/app/learners/{sub}/evidence/{bloc}", ReadLog.What.EVIDENCE),
            Map.entry("/app/learners/{sub}/documents", ReadLog.What.DOCUMENTS),
            Map.entry("/api/v1/learners/{learnerId}/grid", ReadLog.What.GRID),
            Map.entry("/api/v1/learners/{learnerId}/results", ReadLog.What.GRID),
            Map.entry("/api/v1/learners/{learnerId}/history", ReadLog.What.HISTORY),
            Map.entry("/api/v1/learners/{learnerId}/divergences", ReadLog.What.GRID),
            Map.entry("/api/v1/learners/{learnerId}/evidence", ReadLog.What.EVIDENCE),
            Map.entry("/api/v1/learners/{learnerId}/evidence/{evidenceId}/content", ReadLog.What.EVIDENCE_FILE),
            Map.entry("/api/v1/learners/{learnerId}/documents", ReadLog.What.DOCUMENTS),
            Map.entry("/api/v1/learners/{learnerId}/jury", ReadLog.What.JURY));

    private final ReadLog readLog;

    ReadAuditInterceptor(ReadLog readLog) {
        this.readLog = readLog;
    }

    @Override
    public void afterCompletion(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (!"GET".equals(request.getMethod()) || ex != null || response.getStatus() >= 300) {
            return;
        }
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        ReadLog.What what = pattern == null ? null : ROUTES.get(pattern.toString());
        LaunchContext launch = launch();
        if (what == null || launch == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> variables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String learner = variables.getOrDefault("sub", variables.get("learnerId"));
        if (learner == null) {
            return;
        }
        String item = variables.getOrDefault("evidenceId", variables.get("bloc"));
        readLog.record(launch.actor(), learner, what, item);
    }

    private static LaunchContext launch() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof LaunchAuthentication launch ? launch.context() : null;
    }
}
