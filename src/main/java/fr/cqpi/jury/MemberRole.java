package fr.cqpi.jury;

public enum MemberRole {
    PRESIDENT,
    REPRESENTANT_EMPLOYEURS,
    REPRESENTANT_SALARIES,
    /** Presents the candidates' files; does not vote. */
    RAPPORTEUR;

    public boolean votes() {
        return this != RAPPORTEUR;
    }
}
