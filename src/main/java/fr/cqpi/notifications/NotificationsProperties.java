package fr.cqpi.notifications;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled      deliver notifications from this instance (they are written either way)
 * @param from         the sender of every message, e.g. {@code CQPI <ne-pas-repondre@organisme.fr>}
 * @param pollInterval how often the worker looks for due notifications
 * @param batchSize    most notifications one poll delivers before the next poll
 * @param retryBase    first retry delay after a failed send (doubles, with jitter)
 * @param retryMax     longest retry delay
 * @param giveUpAfter  a notification still failing after this long is FAILED (kept, never deleted)
 */
@ConfigurationProperties("cqpi.notifications")
public record NotificationsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("CQPI <ne-pas-repondre@cqpi.invalid>") String from,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("100") int batchSize,
        @DefaultValue("30s") Duration retryBase,
        @DefaultValue("30m") Duration retryMax,
        @DefaultValue("3d") Duration giveUpAfter) {}
