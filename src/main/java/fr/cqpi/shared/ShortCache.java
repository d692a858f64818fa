package fr.cqpi.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A per-instance cache whose entries live a few seconds: for data that changes rarely and whose short
 * staleness is harmless (hot paths such as the grade-sync workers). Never the source of truth.
 */
public final class ShortCache<K, V> {

    private record Entry<V>(V value, Instant expiresAt) {}

    private final Duration ttl;
    private final Clock clock;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    public ShortCache(Duration ttl) {
        this(ttl, Clock.systemUTC());
    }

    ShortCache(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    public V get(K key, Function<K, V> load) {
        Instant now = clock.instant();
        Entry<V> entry = entries.get(key);
        if (entry != null && entry.expiresAt().isAfter(now)) {
            return entry.value();
        }
        V value = load.apply(key);
        if (value != null) {
            entries.put(key, new Entry<>(value, now.plus(ttl)));
        }
        return value;
    }

    public void invalidate(K key) {
        entries.remove(key);
    }

    public void clear() {
        entries.clear();
    }
}
