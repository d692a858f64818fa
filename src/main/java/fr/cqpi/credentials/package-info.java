/**
 * Verifiable credentials of the blocs a jury validated: an Open Badges 3.0 {@code OpenBadgeCredential} per bloc,
 * issued in the transaction that records the decision (and for decisions recorded before), signed twice (VC-JWT
 * RS256 and an embedded Data Integrity proof {@code eddsa-rdfc-2022}), stored once and never regenerated, revoked
 * through a W3C Bitstring Status List when a recours overturns the decision or an administrator revokes it; a CLR 2.0
 * {@code ClrCredential} of the certificate when the four blocs are validated, embedding the four. Answers the documents
 * module's {@code CredentialLinks} (the URLs the PDFs print). Hands a credential over to the learner's Learner
 * Credential Wallet (a one-time challenge, the wallet's DIDAuth, a copy bound to its DID). Its pages (« Mes
 * certifications ») and its JSON API are here too. Owns the tables
 * {@code credential}, {@code credential_key}, {@code wallet_offer} and {@code wallet_credential}.
 */
@ApplicationModule(
        allowedDependencies = {
            "course",
            "documents",
            "evaluation",
            "framework",
            "jury",
            "personaldata",
            "referentiel",
            "shared",
            "lti::base-url"
        })
package fr.cqpi.credentials;

import org.springframework.modulith.ApplicationModule;
