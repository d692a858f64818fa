package fr.cqpi.credentials;

/** Whether an issued credential is still in force. */
public enum CredentialStatus {
    VALID,
    REVOKED
}
