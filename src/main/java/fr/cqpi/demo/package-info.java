/**
 * The demo LMS (profile {@code demo}) and its course, already judged at different stages; nothing of the tool
 * imports it.
 */
@ApplicationModule(allowedDependencies = {"lti::platforms", "course", "evaluation", "referentiel", "shared"})
package fr.cqpi.demo;

import org.springframework.modulith.ApplicationModule;
