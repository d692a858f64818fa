/**
 * The documents the tool issues — livret d'évaluation, procès-verbal (fiche décision) of a jury session,
 * attestation de blocs de compétences, certificat — as PDF (the livret lists the evidence) rendered from the same data as the pages. Each issued
 * document has a unique number and a random verification token, is stored once issued (PDF and the facts it
 * states) and never regenerated; its public verification page confirms those facts and nothing more. Its pages (the
 * documents panels of the grid and of a jury session, the public verification page) and its JSON API are here too; a
 * PDF read by someone other than its holder goes to the privacy module's read log.
 */
@ApplicationModule(
        allowedDependencies = {
            "course",
            "evaluation",
            "evidence",
            "jury",
            "lti::base-url",
            "privacy",
            "referentiel",
            "personaldata",
            "shared"
        })
package fr.cqpi.documents;

import org.springframework.modulith.ApplicationModule;
