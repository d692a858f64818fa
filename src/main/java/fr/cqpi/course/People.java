package fr.cqpi.course;

import static fr.cqpi.shared.SqlInstants.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The people the tool knows, for the administrator's personal-data pages. */
@Component
public class People {

    /** A person of a platform; {@code courses} counts their enrolments. */
    public record Entry(
            long id, long platformId, String sub, String name, String email, Instant lastLaunchAt, int courses) {}

    static final int LIMIT = 50;

    private final JdbcClient jdbc;

    People(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Those whose name, e-mail or LTI id contains {@code query} (case ignored), pseudonymised people excepted. */
    public List<Entry> search(String query) {
        String like = "%"
                + query.strip()
                        .toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_")
                + "%";
        return jdbc.sql("""
                        select u.id, u.platform_id, u.sub, coalesce(u.name, trim(concat(u.given_name, ' ',
                               u.family_name))) as name, u.email, u.last_launch_at,
                               (select count(*) from enrolment e where e.user_id = u.id) as courses
                        from lti_user u
                        where (lower(u.name) like :q or lower(u.email) like :q or lower(u.sub) like :q
                               or lower(concat(u.given_name, ' ', u.family_name)) like :q)
                        and u.sub not like 'erased-%' and u.sub not like 'expired-%'
                        order by u.name nulls last, u.id limit :limit""")
                .param("q", like)
                .param("limit", LIMIT)
                .query(People::entry)
                .list();
    }

    public Optional<Entry> find(long id) {
        return jdbc.sql("""
                        select u.id, u.platform_id, u.sub, coalesce(u.name, trim(concat(u.given_name, ' ',
                               u.family_name))) as name, u.email, u.last_launch_at,
                               (select count(*) from enrolment e where e.user_id = u.id) as courses
                        from lti_user u where u.id = :id""").param("id", id).query(People::entry).optional();
    }

    /** The person a launch names: {@code sub} on the platform. */
    public Optional<Entry> find(long platformId, String sub) {
        return jdbc.sql("select id from lti_user where platform_id = :p and sub = :s")
                .param("p", platformId)
                .param("s", sub)
                .query(Long.class)
                .optional()
                .flatMap(this::find);
    }

    /** Every course of the platform: where a person's LTI id may appear as an author. */
    public List<Long> courseIdsOfPlatform(long platformId) {
        return jdbc.sql("select id from course where platform_id = :p order by id")
                .param("p", platformId)
                .query(Long.class)
                .list();
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        String name = rs.getString("name");
        return new Entry(
                rs.getLong("id"),
                rs.getLong("platform_id"),
                rs.getString("sub"),
                name == null || name.isBlank() ? null : name,
                rs.getString("email"),
                instant(rs, "last_launch_at"),
                rs.getInt("courses"));
    }
}
