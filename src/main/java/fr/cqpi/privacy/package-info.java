/**
 * Personal data as the law expects (issue 27): the retention job, a person's archive, erasure on request and the log
 * of who read a learner's data. Calls every module's {@link fr.cqpi.personaldata.PersonalData}; owns only its own
 * tables (retention_run, personal_data_read, personal_data_erasure).
 */
@ApplicationModule(allowedDependencies = {"personaldata", "course"})
package fr.cqpi.privacy;

import org.springframework.modulith.ApplicationModule;
