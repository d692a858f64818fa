package fr.cqpi.course;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.text.CollationKey;
import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;

/**
 * The one order of people's names in the tool, as a French class list has it: family name, then given name (a
 * {@link CourseMember#sortKey()}), compared by a French {@link Collator} that ignores case and accents (« Écuyer »
 * between « Dubois » and « Fontaine », not after « Zola » as raw character codes would put it). The cohort, the
 * grid's previous / next learner, group judging, the tutors' page, the jury's candidates, the gradebook sync page and
 * the dashboard's learners behind all sort with it.
 */
public final class FamilyNameOrder {

    private static final Collator FRENCH = french();
    /**
     * Each name's collation key, made once: sorting a cohort of 200 compares about 1,500 pairs, and the collator's
     * {@code compare} (synchronized, normalising both names each time) was a fifth of the cohort page's CPU.
     * Comparing keys gives the collator's order.
     */
    private static final Cache<String, CollationKey> COLLATION_KEYS =
            Caffeine.newBuilder().maximumSize(100_000).build();

    private FamilyNameOrder() {}

    /** Sort keys (« Family Given », or the full name when the platform sent no parts) in French order. */
    public static Comparator<String> keys() {
        return Comparator.comparing(FamilyNameOrder::collationKey);
    }

    /** Course members by family then given name; the same names in a stable order (their LTI {@code sub}). */
    public static Comparator<CourseMember> members() {
        return Comparator.comparing(CourseMember::sortKey, keys()).thenComparing(CourseMember::sub);
    }

    /** Anything that has a course member, in the members' order. */
    public static <T> Comparator<T> by(Function<T, CourseMember> member) {
        return Comparator.comparing(member, members());
    }

    private static CollationKey collationKey(String name) {
        return COLLATION_KEYS.get(name == null ? "" : name, FRENCH::getCollationKey);
    }

    private static Collator french() {
        Collator collator = Collator.getInstance(Locale.FRENCH);
        collator.setStrength(Collator.PRIMARY);
        return collator;
    }
}
