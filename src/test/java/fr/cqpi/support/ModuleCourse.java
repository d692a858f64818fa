package fr.cqpi.support;

import fr.cqpi.course.Actor;
import fr.cqpi.course.CourseLaunches;
import fr.cqpi.course.LaunchRecord;
import fr.cqpi.course.Person;
import fr.cqpi.course.ToolRole;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A course for a module test, which starts without the LTI layer: a platform row (as the administrator's
 * registration leaves it), then each person recorded through {@code course}'s own API as a launch records them.
 */
public final class ModuleCourse {

    private final CourseLaunches launches;
    private final long platformId;
    private final String contextId;

    public ModuleCourse(JdbcClient jdbc, CourseLaunches launches) {
        this.launches = launches;
        String unique = UUID.randomUUID().toString().substring(0, 8);
        this.platformId = jdbc.sql("""
                        insert into platform (name, issuer, client_id, authorization_endpoint, token_endpoint, jwks_uri)
                        values (:name, :issuer, :client, :url, :url, :url) returning id""")
                .param("name", "module-" + unique)
                .param("issuer", "https://" + unique + ".lms.example")
                .param("client", unique)
                .param("url", "https://" + unique + ".lms.example/lti")
                .query(Long.class)
                .single();
        this.contextId = "course-" + unique;
    }

    public Actor trainer(String sub) {
        return member(sub, ToolRole.EVALUATOR, TestPlatform.INSTRUCTOR);
    }

    public Actor learner(String sub) {
        return member(sub, ToolRole.LEARNER, TestPlatform.LEARNER);
    }

    private Actor member(String sub, ToolRole role, String ltiRole) {
        Person person = new Person(sub, "Prénom " + sub, "Prénom", sub, sub + "@lms.example", "fr-FR");
        LaunchRecord.Recorded recorded = launches.record(new LaunchRecord(
                platformId,
                person,
                new LaunchRecord.CourseData("deployment-1", contextId, "CQPI", "CQPI " + contextId, null, null),
                new LaunchRecord.LinkData("grid-link", "Grille", null, null),
                role,
                List.of(ltiRole),
                null));
        return new Actor(platformId, recorded.courseId(), recorded.userId(), sub, person.name(), recorded.role());
    }
}
