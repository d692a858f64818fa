package fr.cqpi.referentiel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Loads every référentiel file at start, before the web server opens. All files are validated
 * first, so a bad file stops the start with nothing of it stored.
 */
@Component
class ReferentielLoader implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ReferentielLoader.class);

    private final ReferentielProperties properties;
    private final ReferentielRepository repository;
    private final ReferentielParser parser = new ReferentielParser();

    ReferentielLoader(ReferentielProperties properties, ReferentielRepository repository) {
        this.properties = properties;
        this.repository = repository;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<ParsedFile> files = new ArrayList<>();
        String location = properties.location();
        List<Resource> resources;
        if (location != null) {
            resources = resources(location);
        } else {
            resources = resources(ReferentielProperties.WORKING_DIRECTORY);
            location = ReferentielProperties.WORKING_DIRECTORY;
            if (resources.isEmpty()) {
                resources = resources(ReferentielProperties.BUNDLED);
                location = ReferentielProperties.BUNDLED;
            }
        }
        for (Resource resource : resources) {
            String source = describe(resource);
            files.add(new ParsedFile(source, parser.parse(source, read(resource))));
        }
        if (files.isEmpty()) {
            throw new IllegalStateException(
                    "No référentiel file matches " + location + " (set cqpi.referentiel.location)");
        }
        for (ParsedFile file : files) {
            StoredVersion stored = repository.storeIfChanged(file.source(), file.parsed());
            Referentiel r = file.parsed().referentiel();
            log.info(
                    "Référentiel {} version {} {} from {} ({} blocs, {} compétences, {} criteria)",
                    stored.code(),
                    stored.version(),
                    stored.created() ? "stored" : "unchanged",
                    file.source(),
                    r.blocs().size(),
                    r.competences().count(),
                    r.criteria().count());
        }
    }

    private static List<Resource> resources(String location) {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources(location);
            return Arrays.stream(found)
                    .filter(Resource::exists)
                    .sorted(Comparator.comparing(ReferentielLoader::describe))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list référentiel files at " + location, e);
        }
    }

    private static byte[] read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read référentiel file " + describe(resource), e);
        }
    }

    private static String describe(Resource resource) {
        try {
            return resource.isFile() ? resource.getFile().getPath() : resource.getDescription();
        } catch (IOException e) {
            return resource.getDescription();
        }
    }

    private record ParsedFile(String source, ReferentielParser.Parsed parsed) {}
}
