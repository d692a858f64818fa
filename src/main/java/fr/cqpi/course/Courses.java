package fr.cqpi.course;

import static fr.cqpi.shared.SqlInstants.instant;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** The platforms' courses the tool was launched in, and their resource links. */
@Service
public class Courses {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    Courses(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<Course> find(long courseId) {
        return jdbc.sql("""
                        select id, platform_id, ags_lineitems as ags_line_items, nrps_url, show_progress_in_gradebook, roster_synced_at
                        from course where id = :id""")
                .param("id", courseId)
                .query((rs, row) -> new Course(
                        rs.getLong("id"),
                        rs.getLong("platform_id"),
                        rs.getString("ags_line_items"),
                        rs.getString("nrps_url"),
                        rs.getBoolean("show_progress_in_gradebook"),
                        instant(rs, "roster_synced_at")))
                .optional();
    }

    /** The course's title as its platform last gave it (null when it gave none). */
    public Optional<String> title(long courseId) {
        return jdbc.sql("select coalesce(title, label, context_id) from course where id = :id")
                .param("id", courseId)
                .query(String.class)
                .optional();
    }

    /** Every course of the platforms the tool was launched in, the most recently launched first. */
    public List<CourseSummary> summaries() {
        return jdbc.sql("""
                        select c.id, c.platform_id, c.context_id, c.label, c.title, c.last_launch_at,
                            (select count(*) from enrolment e where e.course_id = c.id and e.active) as members
                        from course c
                        order by c.last_launch_at desc nulls last, c.id desc""")
                .query((rs, n) -> {
                    return new CourseSummary(
                            rs.getLong("id"),
                            rs.getLong("platform_id"),
                            rs.getString("context_id"),
                            rs.getString("label"),
                            rs.getString("title"),
                            instant(rs, "last_launch_at"),
                            rs.getLong("members"));
                })
                .list();
    }

    public void setShowProgressInGradebook(long courseId, boolean show) {
        jdbc.sql("update course set show_progress_in_gradebook = :show where id = :id")
                .param("show", show)
                .param("id", courseId)
                .update();
    }

    public List<ResourceLink> resourceLinks(long courseId) {
        return jdbc.sql("""
                        select id, link_id, title, cast(custom as text), ags_lineitem from resource_link
                        where course_id = :course order by id""")
                .param("course", courseId)
                .query((rs, n) -> new ResourceLink(
                        rs.getLong(1), rs.getString(2), rs.getString(3), custom(rs.getString(4)), rs.getString(5)))
                .list();
    }

    /** The distinct own line items (AGS {@code lineitem}) the course's resource links were launched with. */
    public List<String> resourceLinkLineItems(long courseId) {
        return jdbc.sql("""
                        select distinct ags_lineitem from resource_link
                        where course_id = :course and ags_lineitem is not null""").param("course", courseId).query(String.class).list();
    }

    /**
     * Whether a resource link of the course has its own gradebook column: the launch's AGS claim named a
     * {@code lineitem} and the link is not a placed bloc (no {@code bloc} custom parameter, whose column is the
     * bloc's).
     */
    public boolean hasActivityColumn(long courseId) {
        return jdbc.sql("""
                        select exists (select 1 from resource_link where course_id = :course
                                       and ags_lineitem is not null and custom ->> 'bloc' is null)""").param("course", courseId).query(Boolean.class).single();
    }

    private Map<String, String> custom(String value) {
        if (value == null) {
            return Map.of();
        }
        try {
            return json.readValue(value, new TypeReference<Map<String, String>>() {});
        } catch (JacksonException e) {
            throw new IllegalStateException("custom parameters of a resource link are not a JSON object", e);
        }
    }
}
