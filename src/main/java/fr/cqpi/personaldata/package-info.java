/**
 * What every feature module implements for personal data (issue 27): its part of the retention job, of a person's
 * archive and of an erasure, each on its own tables ({@link fr.cqpi.personaldata.PersonalData}). Depends on no
 * other module, so that any module may depend on it.
 */
@ApplicationModule(allowedDependencies = {})
package fr.cqpi.personaldata;

import org.springframework.modulith.ApplicationModule;
