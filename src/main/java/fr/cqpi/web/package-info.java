/**
 * Pages (Thymeleaf + htmx), the JSON API and security configuration; the administration is in {@code admin}.
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
            "lti::base-url",
            "privacy",
            "referentiel",
            "shared",
            "tutors"
        })
package fr.cqpi.web;

import org.springframework.modulith.ApplicationModule;
