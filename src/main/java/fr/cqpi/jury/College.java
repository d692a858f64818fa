package fr.cqpi.jury;

/** The college a jury member sits for; a rapporteur usually sits for none. */
public enum College {
    EMPLOYEURS,
    SALARIES,
    AUCUN
}
