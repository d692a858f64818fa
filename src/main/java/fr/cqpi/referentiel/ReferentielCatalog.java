package fr.cqpi.referentiel;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/** The référentiels other modules read: the latest stored version of each. */
@Service
public class ReferentielCatalog {

    private final ReferentielRepository repository;
    private final ReferentielProperties properties;
    private final ReferentielParser parser = new ReferentielParser();
    /** Versions are immutable, so a parsed copy can be reused until a newer version appears. */
    private final Map<String, CurrentVersion> cached = new ConcurrentHashMap<>();
    /** New versions only appear when an instance starts; a second of staleness is harmless. */
    private final LoadingCache<String, Optional<Long>> latestIds;
    /** Any stored version, parsed once: a version never changes. */
    private final LoadingCache<Long, Referentiel> versions;

    ReferentielCatalog(ReferentielRepository repository, ReferentielProperties properties) {
        this.repository = repository;
        this.properties = properties;
        this.latestIds = Caffeine.newBuilder()
                .maximumSize(1_000)
                .expireAfterWrite(Duration.ofSeconds(1))
                .build(repository::latestVersionId);
        this.versions = Caffeine.newBuilder().maximumSize(100).build(this::parse);
    }

    /** Every stored version of every référentiel (earlier ones included), by code then version. */
    public List<StoredReferentiel> versions() {
        return repository.versions();
    }

    /** One stored version, whether or not it is the latest. */
    public Referentiel version(long versionId) {
        return versions.get(versionId);
    }

    private Referentiel parse(long versionId) {
        var stored = repository
                .document(versionId)
                .orElseThrow(() -> new IllegalArgumentException("No référentiel version " + versionId));
        return parser.parse(stored.source(), stored.json().getBytes(StandardCharsets.UTF_8))
                .referentiel();
    }

    /** The latest version of the default référentiel. */
    public CurrentVersion current() {
        return current(properties.defaultCode());
    }

    public CurrentVersion current(String code) {
        long latestId = latestIds
                .get(code)
                .orElseThrow(() -> new IllegalStateException("No référentiel " + code + " is loaded"));
        CurrentVersion known = cached.get(code);
        if (known != null && known.versionId() == latestId) {
            return known;
        }
        var latest = repository.latestDocument(code).orElseThrow();
        Referentiel referentiel = parser.parse(latest.source(), latest.json().getBytes(StandardCharsets.UTF_8))
                .referentiel();
        CurrentVersion fresh = new CurrentVersion(latest.id(), latest.version(), referentiel);
        cached.put(code, fresh);
        return fresh;
    }

    public record CurrentVersion(long versionId, int version, Referentiel referentiel) {}

    /** A stored version, without its content: {@link #version(long)} gives it. */
    public record StoredReferentiel(long versionId, String code, int version, Instant loadedAt) {}
}
