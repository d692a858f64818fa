package fr.cqpi.course;

import java.util.List;
import java.util.Map;

/**
 * What a verified launch tells about the course world: who launched, in which course (null without course
 * context), from which resource link (null when none), with which roles.
 */
public record LaunchRecord(
        long platformId, Person person, CourseData course, LinkData link, ToolRole role, List<String> ltiRoles) {

    public LaunchRecord {
        ltiRoles = ltiRoles == null
                ? List.of()
                : ltiRoles.stream().map(PlatformText::id).toList();
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

    /** The ids the launch was stored under. */
    public record Recorded(long userId, Long courseId, Long resourceLinkId) {}
}
