package fr.cqpi.lti;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.LtiClient;
import fr.cqpi.support.StatementCounter;
import fr.cqpi.support.TestPlatform;
import fr.cqpi.support.ToolIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

/**
 * A launch writes its session once; the pages that follow read it and write nothing (no CSRF token added by the
 * first page, no last access recorded again within the minute), yet the page's forms carry the launch's token.
 */
@Import(StatementCounter.Config.class)
class SessionWritesTest extends ToolIntegrationTest {

    @Test
    void pagesAfterALaunchDoNotWriteTheSession() {
        TestPlatform moodle = newPlatform("moodle");
        LtiClient learner = launched(moodle, "session-writes-learner", TestPlatform.LEARNER, "course-session-writes");

        for (int page = 0; page < 3; page++) {
            StatementCounter.reset();
            var response = learner.get("/app");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("name=\"_csrf\"");
            assertThat(StatementCounter.statements())
                    .as("page " + page)
                    .noneMatch(sql -> sql.toLowerCase().matches("(?s)\\s*(insert|update|delete).*spring_session.*"));
        }
    }
}
