/**
 * The demo LMS (profile {@code demo}); nothing of the tool imports it.
 */
@ApplicationModule(allowedDependencies = {"lti::platforms", "shared"})
package fr.cqpi.demo;

import org.springframework.modulith.ApplicationModule;
