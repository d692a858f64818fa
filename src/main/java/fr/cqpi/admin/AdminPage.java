package fr.cqpi.admin;

import fr.cqpi.course.CourseSummary;
import fr.cqpi.course.Courses;
import fr.cqpi.evaluation.EvaluationQueries;
import fr.cqpi.gradesync.GradeSync;
import fr.cqpi.lti.LaunchLog;
import fr.cqpi.lti.LtiPaths;
import fr.cqpi.lti.PlatformRegistry;
import fr.cqpi.lti.RegistrationInvitations;
import fr.cqpi.lti.ToolBaseUrl;
import fr.cqpi.lti.ToolKeys;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the administration page shows, read once per page for every section. */
@Component
class AdminPage {

    /** How many launches the page lists. */
    static final int LOG_LINES = 50;

    /** One of the tool's own URLs, for a platform's manual install (message key of its label and help). */
    record ToolUrl(String key, String url) {}

    private final PlatformRegistry registry;
    private final ToolKeys toolKeys;
    private final GradeSync gradeSync;
    private final RegistrationInvitations invitations;
    private final Courses courses;
    private final EvaluationQueries evaluation;
    private final LaunchLog launchLog;
    private final ToolBaseUrl baseUrl;
    private final AdminAccounts accounts;

    AdminPage(
            PlatformRegistry registry,
            ToolKeys toolKeys,
            GradeSync gradeSync,
            RegistrationInvitations invitations,
            Courses courses,
            EvaluationQueries evaluation,
            LaunchLog launchLog,
            ToolBaseUrl baseUrl,
            AdminAccounts accounts) {
        this.registry = registry;
        this.toolKeys = toolKeys;
        this.gradeSync = gradeSync;
        this.invitations = invitations;
        this.courses = courses;
        this.evaluation = evaluation;
        this.launchLog = launchLog;
        this.baseUrl = baseUrl;
        this.accounts = accounts;
    }

    /** The tool's URLs as the platform's form names them, from the paths the tool serves. */
    List<ToolUrl> toolUrls() {
        String base = baseUrl.get();
        return List.of(
                new ToolUrl("admin.urls.targetLink", base + "/app"),
                new ToolUrl("admin.urls.login", base + LtiPaths.LOGIN),
                new ToolUrl("admin.urls.redirect", base + LtiPaths.LAUNCH),
                new ToolUrl("admin.urls.jwks", base + LtiPaths.JWKS),
                new ToolUrl("admin.urls.deepLinking", base + "/app"),
                new ToolUrl("admin.urls.registration", base + LtiPaths.REGISTER));
    }

    void fill(Model model) {
        var overview = registry.overview();
        model.addAttribute("platforms", overview);
        Map<Long, String> origins = new HashMap<>();
        overview.forEach(o -> origins.put(
                o.platform().id(),
                String.join("\n", registry.addedServiceOrigins(o.platform().id()))));
        model.addAttribute("serviceOrigins", origins);
        model.addAttribute("syncErrors", gradeSync.lastErrorByPlatform());
        model.addAttribute("kid", toolKeys.activeKeyId());
        model.addAttribute("invitations", invitations.all());
        model.addAttribute("defaultValidityDays", RegistrationInvitations.DEFAULT_VALIDITY.toDays());
        model.addAttribute("maxValidityDays", RegistrationInvitations.MAX_VALIDITY.toDays());
        model.addAttribute("toolUrls", toolUrls());
        Map<Long, String> platformNames = new LinkedHashMap<>();
        overview.forEach(o -> platformNames.put(o.platform().id(), o.platform().name()));
        model.addAttribute("platformNames", platformNames);
        Map<Long, List<CourseSummary>> byPlatform = courses.summaries().stream()
                .filter(c -> platformNames.containsKey(c.platformId()))
                .collect(Collectors.groupingBy(CourseSummary::platformId, LinkedHashMap::new, Collectors.toList()));
        model.addAttribute("coursesByPlatform", byPlatform);
        model.addAttribute("judgmentCounts", evaluation.judgmentCountsByCourse());
        model.addAttribute("launches", launchLog.recent(LOG_LINES));
        model.addAttribute("logLines", LOG_LINES);
        model.addAttribute("admins", accounts.all());
        var signedIn = SecurityContextHolder.getContext().getAuthentication();
        model.addAttribute("me", signedIn == null ? "" : signedIn.getName());
        model.addAttribute("minPassword", AdminAccounts.MIN_PASSWORD);
    }

    /** The courses of one platform and the judgments they hold, for its deletion page. */
    record PlatformData(int courses, long judgments) {}

    PlatformData dataOf(long platformId) {
        Map<Long, Long> counts = evaluation.judgmentCountsByCourse();
        List<CourseSummary> ofPlatform = courses.summaries().stream()
                .filter(c -> c.platformId() == platformId)
                .toList();
        long judgments = ofPlatform.stream()
                .mapToLong(c -> counts.getOrDefault(c.id(), 0L))
                .sum();
        return new PlatformData(ofPlatform.size(), judgments);
    }
}
