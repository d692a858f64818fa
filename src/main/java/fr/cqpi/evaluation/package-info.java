/**
 * Judgments, result rules, audit trail and access rules, for an {@link fr.cqpi.course.Actor} in a course; knows
 * nothing of LTI.
 */
@ApplicationModule(allowedDependencies = {"course", "referentiel", "personaldata", "shared"})
package fr.cqpi.evaluation;

import org.springframework.modulith.ApplicationModule;
