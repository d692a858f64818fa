/**
 * LTI 1.3: platform registry, OIDC launch, launch context, tool keys, sessions, deep linking (its page, which offers
 * the référentiel's blocs), dynamic registration (the page a platform opens). Other modules see its API (the launch's
 * principal {@link fr.cqpi.lti.LaunchContext}) and its named interfaces: {@code platforms}, {@code keys},
 * {@code events}, {@code base-url}, and {@code deep-linking} ({@link fr.cqpi.lti.BlocLineItems}, which grade sync
 * provides).
 */
@ApplicationModule(allowedDependencies = {"course", "personaldata", "referentiel", "shared"})
package fr.cqpi.lti;

import org.springframework.modulith.ApplicationModule;
