/**
 * The platforms' courses, their people, enrolments and resource links: the one owner of the tables
 * {@code lti_user}, {@code course}, {@code enrolment} and {@code resource_link}.
 */
@ApplicationModule(allowedDependencies = {"personaldata", "shared"})
package fr.cqpi.course;

import org.springframework.modulith.ApplicationModule;
