package fr.cqpi.lti;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.course.ToolRole;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.serializer.DefaultDeserializer;
import org.springframework.core.serializer.DefaultSerializer;
import org.springframework.security.core.context.SecurityContextImpl;

/**
 * What a launch leaves in the session (the security context holding the launch) goes through Spring Session JDBC's
 * Java serialisation: with every optional part filled, it serialises and reads back equal.
 */
class LaunchSessionSerializationTest {

    @Test
    void aWholeLaunchContextSurvivesTheSessionStore() throws Exception {
        Map<String, String> custom = new LinkedHashMap<>();
        custom.put("bloc", "B2");
        LaunchContext launch = new LaunchContext(
                1,
                "Moodle",
                "https://moodle.example",
                "7",
                42L,
                "course-1",
                "CQPI 2026",
                5L,
                "Grille",
                9,
                "sub-1",
                "Claire Martin",
                "claire@example.org",
                ToolRole.EVALUATOR,
                Stream.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor")
                        .toList(),
                custom,
                LaunchContext.DEEP_LINKING_REQUEST,
                "fr-FR",
                new LaunchContext.Services(
                        "https://moodle.example/lineitems",
                        null,
                        List.of("https://purl.imsglobal.org/spec/lti-ags/scope/score"),
                        "https://moodle.example/memberships"),
                new LaunchContext.DeepLinking(
                        "https://moodle.example/return", List.of("ltiResourceLink"), true, Boolean.TRUE, "data", "t"),
                Instant.parse("2026-03-01T10:00:00Z"),
                "launch-1");
        SecurityContextImpl context = new SecurityContextImpl(new LaunchAuthentication(launch));

        byte[] stored = new DefaultSerializer().serializeToByteArray(context);
        Object read = new DefaultDeserializer().deserializeFromByteArray(stored);

        assertThat(read).isInstanceOf(SecurityContextImpl.class);
        LaunchAuthentication back = (LaunchAuthentication) ((SecurityContextImpl) read).getAuthentication();
        assertThat(back.context()).isEqualTo(launch);
        assertThat(back.getAuthorities()).hasSize(2);
    }
}
