/**
 * Judgments, result rules, audit trail and access rules, for an {@link fr.cqpi.course.Actor} in a course; the rules
 * know nothing of LTI. Its pages and JSON API (cohort, grid, history, evaluation sessions, group judging, the
 * référentiel page, dashboard, livret's signatures) are here too and take the launch's principal from {@code lti}.
 */
@ApplicationModule(allowedDependencies = {"course", "lti", "referentiel", "personaldata", "shared"})
package fr.cqpi.evaluation;

import org.springframework.modulith.ApplicationModule;
