package fr.cqpi.gradesync;

import fr.cqpi.course.Course;
import fr.cqpi.course.Courses;
import fr.cqpi.course.Person;
import fr.cqpi.course.Roster;
import fr.cqpi.course.RosterEntry;
import fr.cqpi.course.ToolRole;
import fr.cqpi.lti.Platform;
import fr.cqpi.lti.PlatformRegistry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads a course's members through the Names and Role Provisioning Service (all pages), so that every
 * learner appears in the cohort before their first launch; learners who left are marked inactive and
 * keep their judgments.
 */
@Component
class RosterSync {

    private static final Logger log = LoggerFactory.getLogger(RosterSync.class);

    private final Courses courses;
    private final Roster roster;
    private final PlatformHttp http;
    private final ServiceTokens tokens;
    private final PlatformRegistry platforms;

    RosterSync(Courses courses, Roster roster, PlatformHttp http, ServiceTokens tokens, PlatformRegistry platforms) {
        this.courses = courses;
        this.roster = roster;
        this.http = http;
        this.tokens = tokens;
        this.platforms = platforms;
    }

    /** @return the number of learners read, or -1 when the course offers no roster service */
    int sync(long courseId) {
        Course course = courses.find(courseId).orElseThrow();
        String url = course.nrpsUrl();
        if (url == null) {
            return -1;
        }
        Platform platform = platforms.findById(course.platformId()).orElseThrow();
        List<RosterEntry> learners = new ArrayList<>();
        String first = LineItems.withQuery(
                url,
                "role="
                        + URLEncoder.encode(
                                "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner", StandardCharsets.UTF_8));
        PlatformHttp.forEachPage(first, 1000, page -> get(platform, page), Memberships.class, container -> {
            for (Memberships.Member m : container.members()) {
                if (ToolRole.includesLearner(m.roles()) && m.userId() != null) {
                    learners.add(new RosterEntry(
                            new Person(
                                    m.userId(),
                                    blankless(m.name()),
                                    blankless(m.givenName()),
                                    blankless(m.familyName()),
                                    blankless(m.email()),
                                    null),
                            m.active()));
                }
            }
        });
        roster.store(platform.id(), courseId, learners);
        log.info("Roster of course {} read: {} learners", courseId, learners.size());
        return learners.size();
    }

    private PlatformHttp.Response get(Platform platform, String url) {
        return tokens.call(
                platform,
                List.of(ServiceTokens.MEMBERSHIPS),
                url,
                token -> http.send("GET", url, Memberships.MEDIA_TYPE, null, null, token));
    }

    private static String blankless(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
