package fr.cqpi.referentiel;

import fr.cqpi.shared.ShortCache;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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
    private final ShortCache<String, long[]> latestIds = new ShortCache<>(java.time.Duration.ofSeconds(1));

    ReferentielCatalog(ReferentielRepository repository, ReferentielProperties properties) {
        this.repository = repository;
        this.properties = properties;
    }

    /** The latest version of the default référentiel. */
    public CurrentVersion current() {
        return current(properties.defaultCode());
    }

    public CurrentVersion current(String code) {
        long[] latestId = latestIds.get(code, c -> repository.latestVersion(c).orElse(null));
        if (latestId == null) {
            throw new IllegalStateException("No référentiel " + code + " is loaded");
        }
        CurrentVersion known = cached.get(code);
        if (known != null && known.versionId() == latestId[0]) {
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
}
