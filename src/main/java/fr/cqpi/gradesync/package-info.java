/**
 * The grade-sync outbox and its workers, AGS line items and scores, NRPS roster, service tokens; the grade-sync page
 * (what reached the gradebook, what waits, what failed and why).
 */
@ApplicationModule(
        allowedDependencies = {
            "course",
            "evaluation",
            "lti::platforms",
            "lti::keys",
            "lti::events",
            "lti::deep-linking",
            "personaldata",
            "referentiel",
            "shared"
        })
package fr.cqpi.gradesync;

import org.springframework.modulith.ApplicationModule;
