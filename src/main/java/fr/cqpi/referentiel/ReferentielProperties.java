package fr.cqpi.referentiel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param location  Spring resource pattern of the référentiel files loaded at start
 * @param defaultCode the référentiel a course uses unless told otherwise
 */
@ConfigurationProperties("cqpi.referentiel")
public record ReferentielProperties(
        @DefaultValue("file:sample-courses/*/referentiel.json")
        String location,

        @DefaultValue("cqpi-assistant") String defaultCode) {}
