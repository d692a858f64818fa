package fr.cqpi.course;

/** What replaces an LTI {@code sub} when the person's identity is no longer kept. */
public final class Pseudonyms {

    /** Erased on request: followed by a random id, the one the erasure's log names. */
    public static final String ERASED_PREFIX = "erased-";

    /** Past the retention period: followed by the row's id. */
    public static final String EXPIRED_PREFIX = "expired-";

    private Pseudonyms() {}

    public static boolean isPseudonym(String sub) {
        return sub.startsWith(ERASED_PREFIX) || sub.startsWith(EXPIRED_PREFIX);
    }
}
