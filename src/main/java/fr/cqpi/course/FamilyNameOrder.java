package fr.cqpi.course;

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

    private FamilyNameOrder() {}

    /** Sort keys (« Family Given », or the full name when the platform sent no parts) in French order. */
    public static Comparator<String> keys() {
        return (a, b) -> FRENCH.compare(a == null ? "" : a, b == null ? "" : b);
    }

    /** Course members by family then given name; the same names in a stable order (their LTI {@code sub}). */
    public static Comparator<CourseMember> members() {
        return Comparator.comparing(CourseMember::sortKey, keys()).thenComparing(CourseMember::sub);
    }

    /** Anything that has a course member, in the members' order. */
    public static <T> Comparator<T> by(Function<T, CourseMember> member) {
        return Comparator.comparing(member, members());
    }

    private static Collator french() {
        Collator collator = Collator.getInstance(Locale.FRENCH);
        collator.setStrength(Collator.PRIMARY);
        return collator;
    }
}
