package fr.cqpi.lti;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns the claims of a verified launch into a {@link LaunchContext}, upserting the user, the course,
 * the resource link and the enrolment it tells about. Extra claims (Moodle's ext, Canvas's placement,
 * LTI 1.1 migration …) are simply not read.
 */
@Component
class LaunchRecorder {

    private final JdbcClient jdbc;
    private final PlatformRegistry registry;
    private final ObjectMapper json = new ObjectMapper();

    LaunchRecorder(JdbcClient jdbc, PlatformRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
    }

    @Transactional
    LaunchContext record(Platform platform, Map<String, Object> claims) {
        String sub = (String) claims.get("sub");
        String deploymentId = (String) claims.get(LtiClaims.DEPLOYMENT_ID);
        List<String> roles = strings(claims.get(LtiClaims.ROLES));
        ToolRole role = ToolRole.of(roles);
        String name = displayName(claims);
        String email = string(claims.get("email"));
        String locale = string(map(claims.get(LtiClaims.LAUNCH_PRESENTATION)).get("locale"));

        long userId = jdbc.sql("""
                        insert into lti_user (platform_id, sub, name, given_name, family_name, email, locale, last_launch_at)
                        values (:platform, :sub, :name, :given, :family, :email, :locale, now())
                        on conflict (platform_id, sub) do update set
                            name = coalesce(excluded.name, lti_user.name),
                            given_name = coalesce(excluded.given_name, lti_user.given_name),
                            family_name = coalesce(excluded.family_name, lti_user.family_name),
                            email = coalesce(excluded.email, lti_user.email),
                            locale = coalesce(excluded.locale, lti_user.locale), last_launch_at = now()
                        returning id""")
                .param("platform", platform.id())
                .param("sub", sub)
                .param("name", name)
                .param("given", string(claims.get("given_name")))
                .param("family", string(claims.get("family_name")))
                .param("email", email)
                .param("locale", locale)
                .query(Long.class)
                .single();

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

        Long courseId = null;
        String contextId = string(context.get("id"));
        String courseTitle = null;
        if (contextId != null) {
            courseTitle = firstNonBlank(string(context.get("title")), string(context.get("label")), contextId);
            courseId = jdbc.sql("""
                            insert into course (platform_id, deployment_id, context_id, label, title, ags_lineitems,
                                                nrps_url, last_launch_at)
                            values (:platform, :deployment, :context, :label, :title, :lineitems, :nrps, now())
                            on conflict (platform_id, context_id) do update set deployment_id = excluded.deployment_id,
                                label = coalesce(excluded.label, course.label), title = coalesce(excluded.title, course.title),
                                ags_lineitems = coalesce(excluded.ags_lineitems, course.ags_lineitems),
                                nrps_url = coalesce(excluded.nrps_url, course.nrps_url), last_launch_at = now()
                            returning id""")
                    .param("platform", platform.id())
                    .param("deployment", deploymentId)
                    .param("context", contextId)
                    .param("label", string(context.get("label")))
                    .param("title", string(context.get("title")))
                    .param("lineitems", services == null ? null : services.lineItems())
                    .param("nrps", services == null ? null : services.membershipsUrl())
                    .query(Long.class)
                    .single();
            jdbc.sql("""
                            insert into enrolment (course_id, user_id, tool_role, lti_roles, active, source, updated_at)
                            values (:course, :user, :role, :roles, true, 'LAUNCH', now())
                            on conflict (course_id, user_id) do update set tool_role = excluded.tool_role,
                                lti_roles = excluded.lti_roles, active = true, updated_at = now()""")
                    .param("course", courseId)
                    .param("user", userId)
                    .param("role", role.name())
                    .param("roles", roles.toArray(String[]::new))
                    .update();
        }

        Map<String, Object> link = map(claims.get(LtiClaims.RESOURCE_LINK));
        Map<String, String> custom = stringMap(claims.get(LtiClaims.CUSTOM));
        Long resourceLinkId = null;
        String linkTitle = string(link.get("title"));
        if (courseId != null && string(link.get("id")) != null) {
            resourceLinkId = jdbc.sql("""
                            insert into resource_link (course_id, link_id, title, custom, ags_lineitem, last_launch_at)
                            values (:course, :link, :title, cast(:custom as jsonb), :lineitem, now())
                            on conflict (course_id, link_id) do update set title = coalesce(excluded.title, resource_link.title),
                                custom = excluded.custom,
                                ags_lineitem = coalesce(excluded.ags_lineitem, resource_link.ags_lineitem),
                                last_launch_at = now()
                            returning id""")
                    .param("course", courseId)
                    .param("link", string(link.get("id")))
                    .param("title", linkTitle)
                    .param("custom", toJson(custom))
                    .param("lineitem", services == null ? null : services.lineItem())
                    .query(Long.class)
                    .single();
        }
        registry.recordLaunch(platform.id());

        return new LaunchContext(
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
                sub,
                name,
                email,
                role,
                roles,
                custom,
                (String) claims.get(LtiClaims.MESSAGE_TYPE),
                locale,
                services,
                deepLinking(claims),
                Instant.now(),
                java.util.UUID.randomUUID().toString());
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
                string(settings.get("data")),
                string(settings.get("title")));
    }

    private static String displayName(Map<String, Object> claims) {
        String name = string(claims.get("name"));
        if (name != null) {
            return name;
        }
        String given = string(claims.get("given_name"));
        String family = string(claims.get("family_name"));
        String joined = ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
        return joined.isEmpty() ? null : joined;
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

    private static String string(Object value) {
        return value instanceof String s && !s.isBlank() ? s : null;
    }

    private static List<String> strings(Object value) {
        if (!(value instanceof Collection<?> values)) {
            return List.of();
        }
        return values.stream()
                .filter(v -> v instanceof String s && !s.isBlank())
                .map(String.class::cast)
                .toList();
    }

    private static Map<String, String> stringMap(Object value) {
        Map<String, String> result = new LinkedHashMap<>();
        map(value).forEach((k, v) -> {
            if (v != null) {
                result.put(k, String.valueOf(v));
            }
        });
        return result;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
