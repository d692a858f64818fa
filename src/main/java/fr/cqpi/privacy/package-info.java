/**
 * Personal data as the law expects (issue 27): the retention job, a person's archive, erasure on request and the log
 * of who read a learner's data ({@link fr.cqpi.privacy.ReadLog}, which any module records a read in). Calls every
 * module's {@link fr.cqpi.personaldata.PersonalData}; owns only its own tables (retention_run, personal_data_read,
 * personal_data_erasure). A person's download of their own archive, from their launch, is here too.
 */
@ApplicationModule(allowedDependencies = {"personaldata", "course"})
package fr.cqpi.privacy;

import org.springframework.modulith.ApplicationModule;
