package fr.cqpi.framework;

import fr.cqpi.lti.ToolBaseUrl;
import fr.cqpi.referentiel.ReferentielCatalog;
import fr.cqpi.referentiel.ReferentielCatalog.StoredReferentiel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/** Every stored référentiel version as a CASE framework, on the tool's base URL. */
@Service
class CaseFrameworks {

    private final ReferentielCatalog catalog;
    private final ToolBaseUrl baseUrl;

    CaseFrameworks(ReferentielCatalog catalog, ToolBaseUrl baseUrl) {
        this.catalog = catalog;
        this.baseUrl = baseUrl;
    }

    /** One per stored version, by code then version; a version is superseded by the next of its code. */
    List<CaseFramework> all() {
        List<StoredReferentiel> versions = catalog.versions();
        String base = baseUrl.get();
        List<CaseFramework> frameworks = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            StoredReferentiel version = versions.get(i);
            Instant supersededAt =
                    i + 1 < versions.size() && versions.get(i + 1).code().equals(version.code())
                            ? versions.get(i + 1).loadedAt()
                            : null;
            frameworks.add(new CaseFramework(version, catalog.version(version.versionId()), supersededAt, base));
        }
        return frameworks;
    }

    Optional<CaseFramework> document(UUID id) {
        return all().stream().filter(f -> f.documentId().equals(id)).findFirst();
    }

    /** The first framework that knows the identifier, through {@code lookup}. */
    <T> Optional<T> find(Function<CaseFramework, Optional<T>> lookup) {
        return all().stream().map(lookup).flatMap(Optional::stream).findFirst();
    }
}
