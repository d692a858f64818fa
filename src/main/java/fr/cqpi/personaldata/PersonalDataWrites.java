package fr.cqpi.personaldata;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The append-only tables (judgment and evidence histories, jury decisions, issued documents) refuse every delete and
 * update, except in a transaction that declared itself a retention purge or an erasure (migration V25): this
 * declares it, for the current transaction only.
 */
public final class PersonalDataWrites {

    private PersonalDataWrites() {}

    /** Must run inside the transaction that deletes or anonymises. */
    public static void allow(JdbcClient jdbc) {
        jdbc.sql("select set_config('cqpi.personal_data', 'purge', true)")
                .query()
                .singleRow();
    }
}
