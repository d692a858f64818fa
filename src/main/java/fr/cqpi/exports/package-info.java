/**
 * Exports for funders, certifiers and quality audits: the cohort (a learner per row, every bloc and compétence)
 * and every judgment, as CSV for French Excel or XLSX, written row by row as they are read; the download, from the
 * pages and the JSON API, is here too.
 */
@ApplicationModule(allowedDependencies = {"course", "evaluation", "referentiel"})
package fr.cqpi.exports;

import org.springframework.modulith.ApplicationModule;
