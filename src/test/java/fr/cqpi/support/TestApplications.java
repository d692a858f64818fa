package fr.cqpi.support;

import fr.cqpi.CqpiLtiApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

/** Starts whole application instances in a test, as an operator would with java -jar. */
public final class TestApplications {

    private TestApplications() {}

    /** Runs something that must fail and returns the deepest cause of its failure. */
    public static Throwable mostSpecificCause(Runnable mustFail) {
        try {
            mustFail.run();
        } catch (RuntimeException e) {
            return NestedExceptionUtils.getMostSpecificCause(e);
        }
        throw new AssertionError("expected a failure");
    }

    /** An instance with these properties, and these sources beside the application's (a benchmark's filter). */
    public static ConfigurableApplicationContext start(Map<String, String> properties, Class<?>... sources) {
        List<String> args = new ArrayList<>();
        args.add("--server.port=0");
        args.add("--spring.profiles.active=test");
        properties.forEach((k, v) -> args.add("--" + k + "=" + v));
        return new SpringApplicationBuilder(CqpiLtiApplication.class)
                .sources(sources)
                .run(args.toArray(String[]::new));
    }
}
