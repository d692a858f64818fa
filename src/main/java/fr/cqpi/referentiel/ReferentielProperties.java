package fr.cqpi.referentiel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param location  Spring resource pattern of the référentiel files loaded at start; unset: the files under
 *     {@code sample-courses/} of the working directory when there are any, else those bundled in the jar
 * @param defaultCode the référentiel a course uses unless told otherwise
 */
@ConfigurationProperties("cqpi.referentiel")
public record ReferentielProperties(
        String location, @DefaultValue("cqpi-assistant") String defaultCode) {

    static final String WORKING_DIRECTORY = "file:sample-courses/*/referentiel.json";
    static final String BUNDLED = "classpath*:referentiel/*/referentiel.json";
}
