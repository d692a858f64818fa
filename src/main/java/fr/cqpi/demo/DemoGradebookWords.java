package fr.cqpi.demo;

import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** The demo gradebook's words for AGS progress values, as an LMS shows them to a teacher (the raw values on hover). */
@Component("demoGradebookWords")
@Profile("demo")
public class DemoGradebookWords {

    private static final Map<String, String> ACTIVITY = Map.of(
            "Initialized", "Pas commencé",
            "Started", "Commencé",
            "InProgress", "En cours",
            "Submitted", "Remis",
            "Completed", "Terminé");
    private static final Map<String, String> GRADING = Map.of(
            "NotReady", "pas prêt à noter",
            "Failed", "notation en échec",
            "Pending", "en attente de notation",
            "PendingManual", "notation manuelle attendue",
            "FullyGraded", "noté");

    public String progress(String activity, String grading) {
        return ACTIVITY.getOrDefault(activity, String.valueOf(activity)) + " — "
                + GRADING.getOrDefault(grading, String.valueOf(grading));
    }
}
