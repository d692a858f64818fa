package fr.cqpi.tutors;

/** Why a sign-in link opens nothing. The page says it without naming anyone. */
public enum SignInRefusal {
    /** No such link (mistyped, or never issued). */
    UNKNOWN,
    /** The link was used already: each link signs in once. */
    USED,
    /** The link, or its invitation, is past its time (a newer link also ends the earlier ones). */
    EXPIRED,
    /** An evaluator revoked the invitation. */
    REVOKED
}
