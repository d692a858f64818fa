package fr.cqpi.gradesync;

import fr.cqpi.lti.LaunchContext;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The grade-sync page: what reached the gradebook, what waits, what failed and why. */
@Controller
class SyncController {

    private final GradeSync gradeSync;

    SyncController(GradeSync gradeSync) {
        this.gradeSync = gradeSync;
    }

    @GetMapping("/app/sync")
    String page(@AuthenticationPrincipal LaunchContext launch, Model model) {
        model.addAttribute("launch", launch);
        model.addAttribute("sync", gradeSync.status(launch.actor()));
        model.addAttribute("held", Map.of());
        return "gradesync/sync";
    }

    @GetMapping("/app/sync/progress")
    String progress(@AuthenticationPrincipal LaunchContext launch, Model model) {
        model.addAttribute("sync", gradeSync.status(launch.actor()));
        return "gradesync/sync :: progress";
    }

    @GetMapping("/app/sync/gradebook")
    String readBack(@AuthenticationPrincipal LaunchContext launch, Model model) {
        model.addAttribute("launch", launch);
        model.addAttribute("sync", gradeSync.status(launch.actor()));
        try {
            model.addAttribute("held", gradeSync.readBack(launch.actor()));
            model.addAttribute("readBack", true);
        } catch (RuntimeException e) {
            model.addAttribute("held", Map.of());
            model.addAttribute("readBackError", e.getMessage());
        }
        return "gradesync/sync :: table";
    }

    @PostMapping("/app/sync/course")
    String syncCourse(@AuthenticationPrincipal LaunchContext launch, Model model) {
        gradeSync.syncCourseNow(launch.actor());
        model.addAttribute("sync", gradeSync.status(launch.actor()));
        return "gradesync/sync :: progress";
    }

    @PostMapping("/app/sync/retry")
    String retry(
            @AuthenticationPrincipal LaunchContext launch,
            @RequestParam(required = false) String learner,
            @RequestParam(required = false) String bloc,
            Model model) {
        gradeSync.retryNow(launch.actor(), learner, bloc);
        return page(launch, model);
    }

    @PostMapping("/app/sync/settings")
    String settings(
            @AuthenticationPrincipal LaunchContext launch,
            @RequestParam(defaultValue = "false") boolean showProgress,
            Model model) {
        gradeSync.setShowProgress(launch.actor(), showProgress);
        return page(launch, model);
    }

    @PostMapping("/app/sync/roster")
    String roster(@AuthenticationPrincipal LaunchContext launch, Model model) {
        try {
            int read = gradeSync.refreshRoster(launch.actor());
            model.addAttribute("rosterRead", read);
        } catch (RuntimeException e) {
            model.addAttribute("rosterError", e.getMessage());
        }
        return page(launch, model);
    }
}
