package fr.cqpi.lti;

import static fr.cqpi.support.TestPlatform.INSTRUCTOR;
import static fr.cqpi.support.TestPlatform.LEARNER;
import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.Json;
import fr.cqpi.support.LtiClient;
import fr.cqpi.support.TestPlatform;
import fr.cqpi.support.ToolIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Feature controllers take the {@link fr.cqpi.course.Actor} of the request's launch ({@link ActorArgumentResolver}),
 * and their pages still show the launch: through real endpoints, each person is who their launch says, in its
 * course, and a request without a launch is refused.
 */
class ActorArgumentTest extends ToolIntegrationTest {

    TestPlatform moodle;
    String course;

    @BeforeEach
    void courses() {
        moodle = newPlatform("actor");
        course = "course-" + System.nanoTime();
        launched(moodle, "amina", LEARNER, course);
        launched(moodle, "bruno", LEARNER, course);
        launched(moodle, "zoe", LEARNER, course + "-other");
    }

    @Test
    void aTrainerActsInTheCourseOfTheirLaunch() {
        LtiClient claire = launched(moodle, "claire", INSTRUCTOR, course);

        assertThat(Json.read(claire.get("/api/v1/learners")).findValuesAsString("learnerId"))
                .containsExactlyInAnyOrder("amina", "bruno");
        assertThat(claire.get("/api/v1/learners/zoe/grid").statusCode()).isEqualTo(404);
    }

    @Test
    void aLearnerActsAsThemselvesOnly() {
        LtiClient amina = launched(moodle, "amina", LEARNER, course);

        assertThat(amina.get("/api/v1/learners/amina/grid").statusCode()).isEqualTo(200);
        assertThat(amina.get("/api/v1/learners/bruno/grid").statusCode()).isEqualTo(403);
        assertThat(amina.get("/api/v1/learners").statusCode()).isEqualTo(403);
    }

    @Test
    void aPageOfAFeatureStillShowsTheLaunch() {
        LtiClient claire = launched(moodle, "claire", INSTRUCTOR, course);

        var response = claire.get("/app/dashboard");

        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("meta[name=cqpi-launch]").attr("content")).isNotBlank();
        assertThat(page.select(".who").text()).contains("CQPI Assistant(e) " + course, "Prénom claire");
    }

    @Test
    void theApiDocumentAsksForNoActor() {
        JsonNode paths = Json.read(browser().get("/v3/api-docs")).get("paths");

        assertThat(paths.get("/api/v1/learners").get("get").has("parameters")).isFalse();
        List<String> parameters = new ArrayList<>();
        paths.forEach(path -> path.forEach(operation -> operation
                .path("parameters")
                .forEach(parameter -> parameters.add(parameter.get("name").asString()))));
        assertThat(parameters).isNotEmpty().doesNotContain("platformId", "courseId", "userId", "role", "displayName");
    }

    @Test
    void withoutALaunchNothingIsAnswered() {
        LtiClient stranger = browser();

        assertThat(stranger.get("/api/v1/learners").statusCode()).isEqualTo(401);
        assertThat(stranger.get("/app/dashboard").statusCode()).isEqualTo(401);
    }
}
