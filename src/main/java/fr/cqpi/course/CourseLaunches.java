package fr.cqpi.course;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores what a launch tells: the person, the course, their enrolment and the resource link. */
@Service
public class CourseLaunches {

    private final JdbcClient jdbc;
    private final Users users;
    private final ObjectMapper json;
    private final TutorAssignments tutors;

    CourseLaunches(JdbcClient jdbc, Users users, ObjectMapper json, TutorAssignments tutors) {
        this.jdbc = jdbc;
        this.users = users;
        this.json = json;
        this.tutors = tutors;
    }

    @Transactional
    public LaunchRecord.Recorded record(LaunchRecord launch) {
        long userId = users.upsert(launch.platformId(), launch.person(), true);
        LaunchRecord.CourseData course = launch.course();
        if (course == null) {
            return new LaunchRecord.Recorded(userId, null, null, launch.role());
        }
        long courseId = jdbc.sql("""
                        insert into course (platform_id, deployment_id, context_id, label, title, ags_lineitems,
                                            nrps_url, last_launch_at)
                        values (:platform, :deployment, :context, :label, :title, :lineitems, :nrps, now())
                        on conflict (platform_id, context_id) do update set deployment_id = excluded.deployment_id,
                            label = coalesce(excluded.label, course.label), title = coalesce(excluded.title, course.title),
                            ags_lineitems = coalesce(excluded.ags_lineitems, course.ags_lineitems),
                            nrps_url = coalesce(excluded.nrps_url, course.nrps_url), last_launch_at = now()
                        returning id""")
                .param("platform", launch.platformId())
                .param("deployment", course.deploymentId())
                .param("context", course.contextId())
                .param("label", course.label())
                .param("title", course.title())
                .param("lineitems", course.agsLineItems())
                .param("nrps", course.nrpsUrl())
                .query(Long.class)
                .single();
        ToolRole role = launch.role();
        if ((role == ToolRole.LEARNER || role == ToolRole.GUEST) && tutors.designated(courseId, userId)) {
            role = ToolRole.TUTOR;
        }
        if (role == ToolRole.TUTOR && launch.mentees() != null) {
            tutors.fromPlatform(launch.platformId(), courseId, userId, launch.mentees());
        }
        jdbc.sql("""
                        insert into enrolment (course_id, user_id, tool_role, lti_roles, active, source, updated_at)
                        values (:course, :user, :role, :roles, true, 'LAUNCH', now())
                        on conflict (course_id, user_id) do update set tool_role = excluded.tool_role,
                            lti_roles = excluded.lti_roles, active = true, updated_at = now()""")
                .param("course", courseId)
                .param("user", userId)
                .param("role", role.name())
                .param("roles", launch.ltiRoles().toArray(String[]::new))
                .update();
        LaunchRecord.LinkData link = launch.link();
        if (link == null) {
            return new LaunchRecord.Recorded(userId, courseId, null, role);
        }
        long linkId = jdbc.sql("""
                        insert into resource_link (course_id, link_id, title, custom, ags_lineitem, last_launch_at)
                        values (:course, :link, :title, cast(:custom as jsonb), :lineitem, now())
                        on conflict (course_id, link_id) do update set title = coalesce(excluded.title, resource_link.title),
                            custom = excluded.custom,
                            ags_lineitem = coalesce(excluded.ags_lineitem, resource_link.ags_lineitem),
                            last_launch_at = now()
                        returning id""")
                .param("course", courseId)
                .param("link", link.linkId())
                .param("title", link.title())
                .param("custom", toJson(link.custom()))
                .param("lineitem", link.agsLineItem())
                .query(Long.class)
                .single();
        return new LaunchRecord.Recorded(userId, courseId, linkId, role);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
