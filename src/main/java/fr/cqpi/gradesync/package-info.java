/**
 * The grade-sync outbox and its workers, AGS line items and scores, NRPS roster, service tokens.
 */
@ApplicationModule(
        allowedDependencies = {
            "course",
            "evaluation",
            "lti::platforms",
            "lti::keys",
            "lti::events",
            "personaldata",
            "referentiel",
            "shared"
        })
package fr.cqpi.gradesync;

import org.springframework.modulith.ApplicationModule;
