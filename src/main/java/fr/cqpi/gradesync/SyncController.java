package fr.cqpi.gradesync;

import fr.cqpi.course.Actor;
import java.util.Map;
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
    String page(Actor actor, Model model) {
        model.addAttribute("sync", gradeSync.status(actor));
        model.addAttribute("held", Map.of());
        return "gradesync/sync";
    }

    @GetMapping("/app/sync/progress")
    String progress(Actor actor, Model model) {
        model.addAttribute("sync", gradeSync.status(actor));
        return "gradesync/sync :: progress";
    }

    @GetMapping("/app/sync/gradebook")
    String readBack(Actor actor, Model model) {
        model.addAttribute("sync", gradeSync.status(actor));
        try {
            model.addAttribute("held", gradeSync.readBack(actor));
            model.addAttribute("readBack", true);
        } catch (RuntimeException e) {
            model.addAttribute("held", Map.of());
            model.addAttribute("readBackError", e.getMessage());
        }
        return "gradesync/sync :: table";
    }

    @PostMapping("/app/sync/course")
    String syncCourse(Actor actor, Model model) {
        gradeSync.syncCourseNow(actor);
        model.addAttribute("sync", gradeSync.status(actor));
        return "gradesync/sync :: progress";
    }

    @PostMapping("/app/sync/retry")
    String retry(
            Actor actor,
            @RequestParam(required = false) String learner,
            @RequestParam(required = false) String bloc,
            Model model) {
        gradeSync.retryNow(actor, learner, bloc);
        return page(actor, model);
    }

    @PostMapping("/app/sync/settings")
    String settings(Actor actor, @RequestParam(defaultValue = "false") boolean showProgress, Model model) {
        gradeSync.setShowProgress(actor, showProgress);
        return page(actor, model);
    }

    @PostMapping("/app/sync/roster")
    String roster(Actor actor, Model model) {
        try {
            int read = gradeSync.refreshRoster(actor);
            model.addAttribute("rosterRead", read);
        } catch (RuntimeException e) {
            model.addAttribute("rosterError", e.getMessage());
        }
        return page(actor, model);
    }
}
