package fr.cqpi.course;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

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

    /**
     * The person, the course and the resource link in one statement, then the enrolment (after the tutor check,
     * which needs the course). The course and the link are written only when the launch changes them (or their last
     * launch time is over a minute old): every launch of a course would otherwise update, and lock until its
     * commit, the same two rows, one launch after the other.
     */
    @Transactional
    public LaunchRecord.Recorded record(LaunchRecord launch) {
        LaunchRecord.CourseData course = launch.course();
        if (course == null) {
            long userId = users.upsert(launch.platformId(), launch.person(), true);
            return new LaunchRecord.Recorded(userId, null, null, launch.role());
        }
        LaunchRecord.LinkData link = launch.link();
        Person person = launch.person();
        record Ids(long userId, long courseId, Long linkId) {}
        Ids ids = jdbc.sql(RECORD)
                .param("platform", launch.platformId())
                .param("sub", person.sub())
                .param("name", person.displayName())
                .param("given", person.givenName())
                .param("family", person.familyName())
                .param("email", person.email())
                .param("locale", person.locale())
                .param("launched", true)
                .param("deployment", course.deploymentId())
                .param("context", course.contextId())
                .param("label", course.label())
                .param("title", course.title())
                .param("lineitems", course.agsLineItems())
                .param("nrps", course.nrpsUrl())
                .param("link", link == null ? null : link.linkId())
                .param("linkTitle", link == null ? null : link.title())
                .param("custom", link == null ? null : toJson(link.custom()))
                .param("lineitem", link == null ? null : link.agsLineItem())
                .query((rs, n) -> new Ids(rs.getLong(1), rs.getLong(2), rs.getObject(3) == null ? null : rs.getLong(3)))
                .single();
        long userId = ids.userId();
        long courseId = ids.courseId();
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
        return new LaunchRecord.Recorded(userId, courseId, link == null ? null : ids.linkId(), role);
    }

    private static final String RECORD = """
            with person as (
            """ + Users.UPSERT + """
            ), course_as_is as (
                select id from course
                where platform_id = :platform and context_id = :context
                    and deployment_id is not distinct from cast(:deployment as text)
                    and (cast(:label as text) is null or label = cast(:label as text))
                    and (cast(:title as text) is null or title = cast(:title as text))
                    and (cast(:lineitems as text) is null or ags_lineitems = cast(:lineitems as text))
                    and (cast(:nrps as text) is null or nrps_url = cast(:nrps as text))
                    and last_launch_at > now() - interval '1 minute'
            ), course_written as (
                insert into course (platform_id, deployment_id, context_id, label, title, ags_lineitems, nrps_url,
                                    last_launch_at)
                select :platform, :deployment, :context, :label, :title, :lineitems, :nrps, now()
                where not exists (select 1 from course_as_is)
                on conflict (platform_id, context_id) do update set deployment_id = excluded.deployment_id,
                    label = coalesce(excluded.label, course.label), title = coalesce(excluded.title, course.title),
                    ags_lineitems = coalesce(excluded.ags_lineitems, course.ags_lineitems),
                    nrps_url = coalesce(excluded.nrps_url, course.nrps_url), last_launch_at = now()
                returning id
            ), launched_course as (
                select id from course_as_is union all select id from course_written
            ), link_as_is as (
                select resource_link.id from resource_link, launched_course
                where resource_link.course_id = launched_course.id and link_id = cast(:link as text)
                    and (cast(:linkTitle as text) is null or title = cast(:linkTitle as text))
                    and custom = cast(:custom as jsonb)
                    and (cast(:lineitem as text) is null or ags_lineitem = cast(:lineitem as text))
                    and last_launch_at > now() - interval '1 minute'
            ), link_written as (
                insert into resource_link (course_id, link_id, title, custom, ags_lineitem, last_launch_at)
                select launched_course.id, :link, :linkTitle, cast(:custom as jsonb), :lineitem, now()
                from launched_course
                where cast(:link as text) is not null and not exists (select 1 from link_as_is)
                on conflict (course_id, link_id) do update set
                    title = coalesce(excluded.title, resource_link.title), custom = excluded.custom,
                    ags_lineitem = coalesce(excluded.ags_lineitem, resource_link.ags_lineitem),
                    last_launch_at = now()
                returning id
            )
            select (select id from person), (select id from launched_course),
                   coalesce((select id from link_as_is), (select id from link_written))""";

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }
}
