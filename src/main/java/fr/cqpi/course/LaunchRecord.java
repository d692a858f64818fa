package fr.cqpi.course;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a verified launch tells about the course world: who launched, in which course (null without course
 * context), from which resource link (null when none), with which roles; {@code mentees}: the user ids of a
 * Mentor's {@code role_scope_mentor} claim, null when the launch has none.
 */
public record LaunchRecord(
        long platformId,
        Person person,
        CourseData course,
        LinkData link,
        ToolRole role,
        List<String> ltiRoles,
        List<String> mentees) {

    public LaunchRecord {
        ltiRoles = ltiRoles == null
                ? List.of()
                : ltiRoles.stream().map(PlatformText::id).toList();
        mentees = mentees == null
                ? null
                : mentees.stream()
                        .limit(TutorAssignments.MAX_PLATFORM_MENTEES)
                        .map(PlatformText::id)
                        .filter(Objects::nonNull)
                        .toList();
    }

    /** The launch's context claim and the course's service endpoints (null when not offered). */
    public record CourseData(
            String deploymentId, String contextId, String label, String title, String agsLineItems, String nrpsUrl) {

        public CourseData {
            deploymentId = PlatformText.id(deploymentId);
            contextId = PlatformText.id(contextId);
            label = PlatformText.name(label);
            title = PlatformText.title(title);
            agsLineItems = PlatformText.url(agsLineItems);
            nrpsUrl = PlatformText.url(nrpsUrl);
        }
    }

    /** The launch's resource link claim, its custom parameters and its own line item (AGS {@code lineitem}). */
    public record LinkData(String linkId, String title, Map<String, String> custom, String agsLineItem) {

        public LinkData {
            linkId = PlatformText.id(linkId);
            title = PlatformText.title(title);
            custom = PlatformText.custom(custom);
            agsLineItem = PlatformText.url(agsLineItem);
        }
    }

    /**
     * The ids the launch was stored under, and the role the person has in the course (a member a trainer
     * designated as tutor is a TUTOR whatever the launch's roles, unless they evaluate).
     */
    public record Recorded(long userId, Long courseId, Long resourceLinkId, ToolRole role) {}
}
