package fr.cqpi.gradesync;

import fr.cqpi.course.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** JSON API v1: what reached the LMS gradebook, on the launch's session like the pages. */
@RestController
@Tag(name = "Synchronisation des notes", description = "What reached the LMS gradebook, per learner and bloc")
class GradeSyncApiController {

    private final GradeSync gradeSync;

    GradeSyncApiController(GradeSync gradeSync) {
        this.gradeSync = gradeSync;
    }

    @GetMapping("/api/v1/grade-sync")
    @Operation(summary = "Grade sync state per learner and bloc in the course (evaluators only)")
    GradeSync.CourseSync gradeSync(Actor actor) {
        return gradeSync.status(actor);
    }
}
