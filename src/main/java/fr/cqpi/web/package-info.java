/**
 * Infrastructure of the pages and the JSON API (security configuration, errors, filters, layout, static assets), and
 * what has not moved to its feature module yet (the evaluation's pages and API; issue 23). The administration is in
 * {@code admin}.
 */
@ApplicationModule(
        allowedDependencies = {
            "course",
            "evaluation",
            "gradesync",
            "lti",
            "lti::base-url",
            "privacy",
            "referentiel",
            "shared",
            "tutors"
        })
package fr.cqpi.web;

import org.springframework.modulith.ApplicationModule;
