/**
 * Small helpers every module may use.
 */
@ApplicationModule(allowedDependencies = {})
package fr.cqpi.shared;

import org.springframework.modulith.ApplicationModule;
