package fr.cqpi.gradesync;

import com.fasterxml.jackson.databind.JsonNode;
import fr.cqpi.lti.Platform;
import fr.cqpi.lti.PlatformRegistry;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a course's members through the Names and Role Provisioning Service (all pages), so that every
 * learner appears in the cohort before their first launch; learners who left are marked inactive and
 * keep their judgments.
 */
@Component
class RosterSync {

    private static final Logger log = LoggerFactory.getLogger(RosterSync.class);
    static final String MEMBERSHIPS = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";

    private final JdbcClient jdbc;
    private final PlatformHttp http;
    private final ServiceTokens tokens;
    private final PlatformRegistry platforms;
    private final TransactionTemplate transactions;

    RosterSync(
            JdbcClient jdbc,
            PlatformHttp http,
            ServiceTokens tokens,
            PlatformRegistry platforms,
            TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.http = http;
        this.tokens = tokens;
        this.platforms = platforms;
        this.transactions = transactions;
    }

    record Member(String sub, String name, String givenName, String familyName, String email, boolean active) {}

    /** @return the number of learners read, or -1 when the course offers no roster service */
    int sync(long courseId) {
        var course = jdbc.sql("select platform_id, nrps_url from course where id = :id")
                .param("id", courseId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .single();
        String url = (String) course[1];
        if (url == null) {
            return -1;
        }
        Platform platform = platforms.findById((Long) course[0]).orElseThrow();
        List<Member> learners = new java.util.ArrayList<>();
        String first = LineItems.withQuery(
                url,
                "role="
                        + java.net.URLEncoder.encode(
                                "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner",
                                java.nio.charset.StandardCharsets.UTF_8));
        PlatformHttp.forEachPage(first, 1000, page -> get(platform, page), container -> {
            for (JsonNode m : container.path("members")) {
                if (isLearner(m.path("roles")) && m.hasNonNull("user_id")) {
                    learners.add(new Member(
                            m.get("user_id").asText(),
                            text(m, "name"),
                            text(m, "given_name"),
                            text(m, "family_name"),
                            text(m, "email"),
                            !"Inactive".equalsIgnoreCase(m.path("status").asText())));
                }
            }
        });
        transactions.executeWithoutResult(status -> store(platform.id(), courseId, learners));
        log.info("Roster of course {} read: {} learners", courseId, learners.size());
        return learners.size();
    }

    private void store(long platformId, long courseId, List<Member> learners) {
        Set<Long> present = new HashSet<>();
        for (Member m : learners) {
            long userId = jdbc.sql("""
                            insert into lti_user (platform_id, sub, name, given_name, family_name, email)
                            values (:p, :sub, :name, :given, :family, :email)
                            on conflict (platform_id, sub) do update set name = coalesce(excluded.name, lti_user.name),
                                given_name = coalesce(excluded.given_name, lti_user.given_name),
                                family_name = coalesce(excluded.family_name, lti_user.family_name),
                                email = coalesce(excluded.email, lti_user.email)
                            returning id""")
                    .param("p", platformId)
                    .param("sub", m.sub())
                    .param("name", m.name() != null ? m.name() : joined(m.givenName(), m.familyName()))
                    .param("given", m.givenName())
                    .param("family", m.familyName())
                    .param("email", m.email())
                    .query(Long.class)
                    .single();
            if (m.active()) {
                present.add(userId);
            }
            jdbc.sql("""
                            insert into enrolment (course_id, user_id, tool_role, active, source, updated_at)
                            values (:c, :u, 'LEARNER', :active, 'ROSTER', now())
                            on conflict (course_id, user_id) do update set active = excluded.active, updated_at = now()
                            where enrolment.tool_role = 'LEARNER'""")
                    .param("c", courseId)
                    .param("u", userId)
                    .param("active", m.active())
                    .update();
        }
        // Learners no longer in the roster left the course: inactive, judgments kept.
        jdbc.sql("""
                        update enrolment set active = false, updated_at = now()
                        where course_id = :c and tool_role = 'LEARNER' and active and not (user_id = any(:present))""")
                .param("c", courseId)
                .param("present", present.toArray(Long[]::new))
                .update();
        jdbc.sql("update course set roster_synced_at = now() where id = :c")
                .param("c", courseId)
                .update();
    }

    private PlatformHttp.Response get(Platform platform, String url) {
        return tokens.call(
                platform,
                List.of(ServiceTokens.MEMBERSHIPS),
                token -> http.send("GET", url, MEMBERSHIPS, null, null, token));
    }

    private static boolean isLearner(JsonNode roles) {
        for (JsonNode role : roles) {
            String r = role.asText();
            if (r.endsWith("#Learner") || r.equals("Learner") || r.endsWith("membership/Learner#Learner")) {
                return true;
            }
        }
        return false;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) && !node.get(field).asText().isBlank()
                ? node.get(field).asText()
                : null;
    }

    private static String joined(String given, String family) {
        String name = ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
        return name.isEmpty() ? null : name;
    }
}
