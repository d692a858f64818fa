/**
 * The documents the tool issues — livret d'évaluation, procès-verbal (fiche décision) of a jury session,
 * attestation de blocs de compétences, certificat — as PDF (the livret lists the evidence) rendered from the same data as the pages. Each issued
 * document has a unique number and a random verification token, is stored once issued (PDF and the facts it
 * states) and never regenerated; its public verification page confirms those facts and nothing more.
 */
@ApplicationModule(
        allowedDependencies = {"course", "evaluation", "evidence", "jury", "referentiel", "personaldata", "shared"})
package fr.cqpi.documents;

import org.springframework.modulith.ApplicationModule;
