package fr.cqpi.documents;

/** What an issued document is; all but the procès-verbal are a candidate's. */
public enum DocumentKind {
    LIVRET,
    PROCES_VERBAL,
    ATTESTATION,
    CERTIFICAT;

    public boolean isCandidates() {
        return this != PROCES_VERBAL;
    }

    /** What a learner may download of their own: everything issued for them. */
    public boolean learnerMayRead() {
        return isCandidates();
    }
}
