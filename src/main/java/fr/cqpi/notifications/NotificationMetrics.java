package fr.cqpi.notifications;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * {@code cqpi.notifications.outbox.rows} by status (pending, failed, no_address: read from the database, so every
 * instance reports the whole outbox), beside the counters of this instance's sends ({@code cqpi.notifications.sent},
 * {@code cqpi.notifications.failed.tries}) and of people written to without an address
 * ({@code cqpi.notifications.no.address}).
 */
@Component
class NotificationMetrics {

    static final String ROWS = "cqpi.notifications.outbox.rows";

    NotificationMetrics(MeterRegistry registry, NotificationStore store) {
        for (NotificationStatus status :
                List.of(NotificationStatus.PENDING, NotificationStatus.FAILED, NotificationStatus.NO_ADDRESS)) {
            Gauge.builder(ROWS, store, s -> s.count(status))
                    .tag("status", status.name().toLowerCase(Locale.ROOT))
                    .description("Notifications in this status")
                    .register(registry);
        }
    }
}
