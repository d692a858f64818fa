package fr.cqpi.gradesync;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Grade-sync metrics (actuator {@code /actuator/metrics}): {@code cqpi.gradesync.outbox.rows} by status (pending,
 * failed: read from the database, so every instance reports the whole outbox) and
 * {@code cqpi.gradesync.platform.refusals}, the platforms' non-2xx answers, by HTTP status.
 */
@Component
class GradeSyncMetrics {

    static final String ROWS = "cqpi.gradesync.outbox.rows";
    static final String REFUSALS = "cqpi.gradesync.platform.refusals";

    private final MeterRegistry registry;

    GradeSyncMetrics(MeterRegistry registry, Outbox outbox) {
        this.registry = registry;
        for (OutboxStatus status : List.of(OutboxStatus.PENDING, OutboxStatus.FAILED)) {
            Gauge.builder(ROWS, outbox, o -> o.count(status))
                    .tag("status", status.name().toLowerCase(Locale.ROOT))
                    .description("Grade-sync outbox rows in this status")
                    .register(registry);
        }
    }

    void refused(int httpStatus) {
        Counter.builder(REFUSALS)
                .tag("status", Integer.toString(httpStatus))
                .description("Answers of platforms' services other than 2xx")
                .register(registry)
                .increment();
    }
}
