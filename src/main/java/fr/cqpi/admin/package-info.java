/**
 * The institution's administration of the tool, outside any LMS: the administrators' accounts and sign-in (PostgreSQL,
 * bcrypt, throttled), the platforms and their deployments, registration invitations, the tool key, the issued
 * credentials and their revocation, personal data (retention, a person's archive and erasure), the launch log; the
 * admin API over HTTP Basic; and the operations endpoints (metrics) behind the same accounts. Its pages live under
 * {@code /admin} ({@code templates/admin}); LTI sessions never reach them.
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
            "shared",
            "web::assets"
        })
package fr.cqpi.admin;

import org.springframework.modulith.ApplicationModule;
