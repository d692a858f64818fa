/**
 * Infrastructure of the pages and the JSON API (security configuration, errors, filters, layout, static assets), and
 * what has not moved to its feature module yet (the evaluation's pages and API, administration; issue 23).
 */
@ApplicationModule(
        allowedDependencies = {
            "course",
            "credentials",
            "evaluation",
            "gradesync",
            "lti",
            "lti::platforms",
            "lti::keys",
            "lti::base-url",
            "privacy",
            "referentiel",
            "shared",
            "tutors"
        })
package fr.cqpi.web;

import org.springframework.modulith.ApplicationModule;
