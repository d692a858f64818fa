/**
 * Pages (Thymeleaf + htmx), the JSON API, security configuration and administration.
 */
@ApplicationModule(
        allowedDependencies = {
            "course",
            "credentials",
            "documents",
            "evaluation",
            "exports",
            "evidence",
            "gradesync",
            "jury",
            "lti",
            "lti::platforms",
            "lti::keys",
            "lti::base-url",
            "privacy",
            "personaldata",
            "referentiel",
            "shared",
            "tutors"
        })
package fr.cqpi.web;

import org.springframework.modulith.ApplicationModule;
