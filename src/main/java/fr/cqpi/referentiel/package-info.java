/**
 * The référentiel format, its strict validation, versioned storage and the catalog.
 */
@ApplicationModule(allowedDependencies = {"shared"})
package fr.cqpi.referentiel;

import org.springframework.modulith.ApplicationModule;
