/**
 * Evidence (preuves) of a learner's file: files (PDF, images, office documents; the type read from the content) and
 * links, attached to a bloc or a criterion by the course's evaluators, or by the learner where the référentiel says
 * the candidate writes a document. Stored in PostgreSQL, withdrawn but never deleted, every change audited. Visible
 * to the evaluators (who act as jury) and the learner concerned only. Its page panel (htmx, under the grid) and its
 * JSON API are here too.
 */
@ApplicationModule(allowedDependencies = {"course", "evaluation", "referentiel", "personaldata", "shared"})
package fr.cqpi.evidence;

import org.springframework.modulith.ApplicationModule;
