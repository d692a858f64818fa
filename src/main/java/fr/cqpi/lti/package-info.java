/**
 * LTI 1.3: platform registry, OIDC launch, launch context, tool keys, sessions, deep linking, dynamic
 * registration. Modules other than {@code web} see only its named interfaces: {@code platforms}, {@code keys},
 * {@code events}, {@code base-url}.
 */
@ApplicationModule(allowedDependencies = {"course", "personaldata", "shared"})
package fr.cqpi.lti;

import org.springframework.modulith.ApplicationModule;
