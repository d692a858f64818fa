package fr.cqpi.course;

import java.time.Instant;

/** A course as its platform's launches named it, for the tool's administrator. */
public record CourseSummary(
        long id,
        long platformId,
        String contextId,
        String label,
        String title,
        Instant lastLaunch,
        long activeMembers) {

    /** The title, else the label, else the context id. */
    public String displayTitle() {
        if (title != null && !title.isBlank()) {
            return title;
        }
        return label != null && !label.isBlank() ? label : contextId;
    }
}
