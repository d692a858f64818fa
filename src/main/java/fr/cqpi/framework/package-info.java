/**
 * The référentiel published as a CASE 1.1 competency framework (1EdTech Competencies and Academic Standards
 * Exchange): public, read-only, under the CASE REST binding {@code /ims/case/v1p1/}. One CFDocument per stored
 * version of a référentiel, identifiers derived from the référentiel (UUID v5), never stored.
 */
@ApplicationModule(allowedDependencies = {"referentiel", "lti::base-url", "shared"})
package fr.cqpi.framework;

import org.springframework.modulith.ApplicationModule;
