package fr.cqpi.documents;

import java.util.Map;

/**
 * The public verification URLs of a learner's verifiable credentials in force, that the attestation and the
 * certificate print: by bloc code, {@code CERTIFICATE} for the CLR. Documents owns the question; the credentials module
 * answers it (so documents does not depend on credentials).
 */
public interface CredentialLinks {

    String CERTIFICATE = "CERTIFICATE";

    Map<String, String> inForce(long courseId, long learnerId);
}
