package fr.cqpi.course;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The people of each platform, by their LTI {@code sub}: one upsert for launches and rosters. */
@Repository
class Users {

    /** Parameters: platform, sub, name, given, family, email, locale, launched. */
    static final String UPSERT = """
            insert into lti_user (platform_id, sub, name, given_name, family_name, email, locale, last_launch_at)
            values (:platform, :sub, :name, :given, :family, :email, :locale, case when :launched then now() end)
            on conflict (platform_id, sub) do update set
                name = coalesce(excluded.name, lti_user.name),
                given_name = coalesce(excluded.given_name, lti_user.given_name),
                family_name = coalesce(excluded.family_name, lti_user.family_name),
                email = coalesce(excluded.email, lti_user.email),
                locale = coalesce(excluded.locale, lti_user.locale),
                last_launch_at = coalesce(excluded.last_launch_at, lti_user.last_launch_at)
            returning id""";

    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores what the platform said about a person; what it did not say keeps its earlier value.
     *
     * @param launched true at a launch (the last launch time is then now)
     * @return the user's id
     */
    long upsert(long platformId, Person person, boolean launched) {
        return jdbc.sql(UPSERT)
                .param("platform", platformId)
                .param("sub", person.sub())
                .param("name", person.displayName())
                .param("given", person.givenName())
                .param("family", person.familyName())
                .param("email", person.email())
                .param("locale", person.locale())
                .param("launched", launched)
                .query(Long.class)
                .single();
    }
}
