package fr.cqpi.lti;

import fr.cqpi.course.CourseLaunches;
import fr.cqpi.course.LaunchRecord;
import fr.cqpi.course.Person;
import fr.cqpi.course.PlatformText;
import fr.cqpi.course.ToolRole;
import fr.cqpi.shared.Texts;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns the claims of a verified launch into a {@link LaunchContext}, upserting the user, the course,
 * the resource link and the enrolment it tells about. Extra claims (Moodle's ext, Canvas's placement,
 * LTI 1.1 migration …) are simply not read.
 */
@Component
class LaunchRecorder {

    private final CourseLaunches courses;
    private final Clock clock;
    private final LaunchLog launchLog;

    LaunchRecorder(CourseLaunches courses, Clock clock, LaunchLog launchLog) {
        this.courses = courses;
        this.clock = clock;
        this.launchLog = launchLog;
    }

    @Transactional
    LaunchContext record(Platform platform, Map<String, Object> claims) {
        String sub = string(claims.get("sub"));
        String deploymentId = (String) claims.get(LtiClaims.DEPLOYMENT_ID);
        List<String> roles = strings(claims.get(LtiClaims.ROLES));
        ToolRole role = ToolRole.of(roles);
        String locale = string(map(claims.get(LtiClaims.LAUNCH_PRESENTATION)).get("locale"));
        Person person = new Person(
                sub,
                string(claims.get("name")),
                string(claims.get("given_name")),
                string(claims.get("family_name")),
                string(claims.get("email")),
                locale);

        Map<String, Object> context = map(claims.get(LtiClaims.CONTEXT));
        Map<String, Object> ags = map(claims.get(LtiClaims.AGS_ENDPOINT));
        Map<String, Object> nrps = map(claims.get(LtiClaims.NRPS));
        LaunchContext.Services services = ags.isEmpty() && nrps.isEmpty()
                ? null
                : new LaunchContext.Services(
                        string(ags.get("lineitems")),
                        string(ags.get("lineitem")),
                        strings(ags.get("scope")),
                        string(nrps.get("context_memberships_url")));

        String contextId = PlatformText.id(string(context.get("id")));
        String courseTitle = null;
        LaunchRecord.CourseData course = null;
        if (contextId != null) {
            courseTitle = firstNonBlank(string(context.get("title")), string(context.get("label")), contextId);
            course = new LaunchRecord.CourseData(
                    deploymentId,
                    contextId,
                    string(context.get("label")),
                    string(context.get("title")),
                    services == null ? null : services.lineItems(),
                    services == null ? null : services.membershipsUrl());
        }

        Map<String, Object> link = map(claims.get(LtiClaims.RESOURCE_LINK));
        Map<String, String> custom = stringMap(claims.get(LtiClaims.CUSTOM));
        String linkTitle = string(link.get("title"));
        LaunchRecord.LinkData linkData = course == null || string(link.get("id")) == null
                ? null
                : new LaunchRecord.LinkData(
                        string(link.get("id")), linkTitle, custom, services == null ? null : services.lineItem());
        LaunchRecord.Recorded recorded = courses.record(new LaunchRecord(
                platform.id(),
                person,
                course,
                linkData,
                role,
                roles,
                claims.get(LtiClaims.ROLE_SCOPE_MENTOR) instanceof Collection<?>
                        ? strings(claims.get(LtiClaims.ROLE_SCOPE_MENTOR))
                        : null));
        Long courseId = recorded.courseId();
        Long resourceLinkId = recorded.resourceLinkId();
        long userId = recorded.userId();
        String name = person.displayName();
        String email = person.email();

        LaunchContext launch = new LaunchContext(
                platform.id(),
                platform.name(),
                platform.issuer(),
                deploymentId,
                courseId,
                contextId,
                courseTitle,
                resourceLinkId,
                linkTitle,
                userId,
                person.sub(),
                name,
                email,
                recorded.role(),
                roles,
                custom,
                (String) claims.get(LtiClaims.MESSAGE_TYPE),
                locale,
                services,
                deepLinking(claims),
                clock.instant(),
                java.util.UUID.randomUUID().toString());
        // With the platform's last launch, in one statement.
        launchLog.accepted(launch);
        return launch;
    }

    private static LaunchContext.DeepLinking deepLinking(Map<String, Object> claims) {
        Map<String, Object> settings = map(claims.get(LtiClaims.DEEP_LINKING_SETTINGS));
        if (settings.isEmpty()) {
            return null;
        }
        Object acceptLineItem = settings.get("accept_lineitem");
        return new LaunchContext.DeepLinking(
                string(settings.get("deep_link_return_url")),
                strings(settings.get("accept_types")),
                Boolean.TRUE.equals(settings.get("accept_multiple")),
                acceptLineItem instanceof Boolean b ? b : null,
                // Opaque: given back to the platform as it came.
                settings.get("data") instanceof String data ? data : null,
                string(settings.get("title")));
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** A claim's text, cleaned of what PostgreSQL and the pages cannot hold (the course module bounds it further). */
    private static String string(Object value) {
        return value instanceof String s && !s.isBlank() ? Texts.clean(s, PlatformText.URL) : null;
    }

    private static List<String> strings(Object value) {
        if (!(value instanceof Collection<?> values)) {
            return List.of();
        }
        return values.stream()
                .map(LaunchRecorder::string)
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    private static Map<String, String> stringMap(Object value) {
        Map<String, String> result = new LinkedHashMap<>();
        map(value).forEach((k, v) -> {
            if (v != null) {
                result.put(Texts.clean(k, PlatformText.URL), Texts.clean(String.valueOf(v), PlatformText.URL));
            }
        });
        return result;
    }
}
