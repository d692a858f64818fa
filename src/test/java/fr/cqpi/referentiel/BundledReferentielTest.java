package fr.cqpi.referentiel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The jar carries the référentiels, so that it starts from any directory with the CQPI one loaded. */
class BundledReferentielTest {

    @Test
    void theCqpiReferentielIsOnTheClasspathAsInSampleCourses() throws Exception {
        Resource[] bundled = new PathMatchingResourcePatternResolver().getResources(ReferentielProperties.BUNDLED);
        assertThat(bundled).hasSize(1);
        assertThat(bundled[0].getURL().toString()).endsWith("referentiel/cqpi-assistant/referentiel.json");
        assertThat(bundled[0].getContentAsByteArray())
                .isEqualTo(Files.readAllBytes(Path.of("sample-courses/cqpi-assistant/referentiel.json")));
    }
}
