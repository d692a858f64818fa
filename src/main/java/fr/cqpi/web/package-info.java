/**
 * Infrastructure of the pages and the JSON API: security configuration, errors, filters, layout, static assets, the
 * launch's locale, the read audit, the front page and the landing after a launch. Each feature's pages and API are in
 * its own module.
 */
@ApplicationModule(allowedDependencies = {"lti", "lti::base-url", "privacy", "shared", "tutors"})
package fr.cqpi.web;

import org.springframework.modulith.ApplicationModule;
