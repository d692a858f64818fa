package fr.cqpi.credentials;

import java.util.UUID;

/** A credential (a bloc's badge or the certificate) was issued to a learner; published in the issuing transaction. */
public record CredentialIssued(long courseId, long learnerId, UUID credentialId) {}
