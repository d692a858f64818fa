/**
 * Jury paritaire sessions of a course: members, candidates, per candidate and bloc the decision with its vote,
 * reason and préconisations, and recours. The only source of VALIDE / NON_VALIDE; a decision locks the bloc's
 * judgments. Who may act as jury: the evaluators of the course. Its pages (sessions, candidates' files, the decision
 * and recours forms) and its JSON API are here too.
 */
@ApplicationModule(allowedDependencies = {"course", "evaluation", "evidence", "referentiel", "personaldata", "shared"})
package fr.cqpi.jury;

import org.springframework.modulith.ApplicationModule;
