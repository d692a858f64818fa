package fr.cqpi.gradesync;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled             run the outbox workers on this instance
 * @param pollInterval        how often a worker looks for due rows
 * @param batchSize           most rows claimed for one platform and held at once (queued or in flight), per instance
 * @param claimFor            how long a claimed row is reserved for this instance (then another may take it)
 * @param requestTimeout      bound on one HTTP call to a platform
 * @param initialConcurrency  requests in flight per platform at start
 * @param maxConcurrency      most requests in flight per platform
 * @param retryBase           first retry delay (doubles, with jitter)
 * @param retryMax            longest retry delay
 * @param giveUpAfter         a row still failing after this long is FAILED
 * @param threads             threads sending to platforms (shared; each platform is bounded by its own limit)
 * @param rosterCacheFor      a trainer launch re-reads the roster at most this often
 */
@ConfigurationProperties("cqpi.gradesync")
public record GradeSyncProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("200") int batchSize,
        @DefaultValue("60s") Duration claimFor,
        @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("4") int initialConcurrency,
        @DefaultValue("32") int maxConcurrency,
        @DefaultValue("2s") Duration retryBase,
        @DefaultValue("10m") Duration retryMax,
        @DefaultValue("24h") Duration giveUpAfter,
        @DefaultValue("64") int threads,
        @DefaultValue("5m") Duration rosterCacheFor) {}
