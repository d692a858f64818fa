/**
 * The embedded PostgreSQL server and the lock on its data directory.
 */
@ApplicationModule(allowedDependencies = {})
package fr.cqpi.database;

import org.springframework.modulith.ApplicationModule;
