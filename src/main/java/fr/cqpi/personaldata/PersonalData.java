package fr.cqpi.personaldata;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A module's personal data: each feature module that stores data about people implements it as a Spring bean, with
 * SQL on its own tables only. The privacy module calls every implementation: in the retention job (one transaction,
 * one instance), when a person's archive is downloaded, and when an administrator erases a person (one transaction).
 *
 * <p>Rows that the database keeps append-only accept the deletes and anonymising updates of {@link #purge} and
 * {@link #erase} because those run in a transaction that called {@link PersonalDataWrites#allow}.
 */
public interface PersonalData {

    /** The module's name: its section in the archive, its counts in the log and on the administration page. */
    String name();

    /** The latest activity this module knows of in each learner's training (a judgment, an upload, a decision…). */
    default Map<Training, Instant> lastActivities() {
        return Map.of();
    }

    /** Trainings whose evaluation data must be kept whatever their end (a recours under way, a bloc adjourned). */
    default Set<Training> retentionHolds() {
        return Set.of();
    }

    /** Deletes or anonymises what is past its period; the number of rows per kind of data, for the log. */
    Map<String, Integer> purge(RetentionRun run);

    /** Adds what the module holds about the person (as learner, and as author of others' data) to their archive. */
    void export(PersonRef person, PersonalArchive archive) throws IOException;

    /**
     * Erases the person: deletes their data as a learner (except what {@link #kept()} says the certification keeps)
     * and replaces their identity by {@link PersonRef#pseudonym()} where they are the author of others' data.
     */
    Map<String, Integer> erase(PersonRef person);

    /** Message keys (i18n) of what an erasure keeps in this module and why; shown on the erasure's page. */
    default List<String> kept() {
        return List.of();
    }
}
