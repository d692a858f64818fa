package fr.cqpi.referentiel;

import static fr.cqpi.referentiel.ReferentielFiles.altered;
import static fr.cqpi.referentiel.ReferentielFiles.bloc;
import static fr.cqpi.referentiel.ReferentielFiles.competence;
import static fr.cqpi.support.TestApplications.mostSpecificCause;
import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.TestApplications;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loads référentiel files into a PostgreSQL the test starts itself and hands to the application
 * through spring.datasource.url, as an operator with an external database would.
 */
class ReferentielStorageTest {

    static EmbeddedPostgres externalPostgres;
    static JdbcClient db;

    @TempDir
    Path courses;

    @BeforeAll
    static void startExternalDatabase() throws Exception {
        externalPostgres = EmbeddedPostgres.builder().start();
        db = JdbcClient.create(externalPostgres.getPostgresDatabase());
    }

    @AfterAll
    static void stopExternalDatabase() throws Exception {
        externalPostgres.close();
    }

    @BeforeEach
    void emptyDatabase() {
        db.sql("drop schema public cascade").update();
        db.sql("create schema public").update();
    }

    @Test
    void storesTheShippedReferentielCriterionByCriterion() throws Exception {
        ReferentielFiles.write(courses, "cqpi-assistant", Files.readAllBytes(ReferentielFiles.SHIPPED));
        try (var app = start()) {
            assertThat(app.getEnvironment().getProperty("spring.datasource.url"))
                    .isEqualTo(jdbcUrl());
            assertThat(app.containsBean("embeddedPostgresServer")).isFalse();
        }
        assertThat(count("referentiel_version")).isEqualTo(1);
        assertThat(db.sql("select code || ' ' || title from bloc order by position")
                        .query(String.class)
                        .list())
                .containsExactly(
                        "B1 Suivi, coordination des informations et production de documents professionnels",
                        "B2 Organisation des activités",
                        "B3 Suivi des projets ou des dossiers et traitement des aléas",
                        "B4 Communication avec différents interlocuteurs");
        List<String> perCompetence = db.sql("""
                        select c.code || ':' || count(k.id) from competence c join criterion k on k.competence_id = c.id
                        join bloc b on b.id = c.bloc_id group by c.code, c.position, b.position
                        order by b.position, c.position""").query(String.class).list();
        assertThat(perCompetence)
                .containsExactly("C1:4", "C2:11", "C3:15", "C4:8", "C5:10", "C6:8", "C7:6", "C8:7", "C9:11");
        assertThat(db.sql("select text from criterion where code = 'C8.1'")
                        .query(String.class)
                        .single())
                .isEqualTo("Tout aléa, incident ou anomalie est identifié.");
    }

    @Test
    void anUnchangedFileIsANoOpAndAChangedFileAddsAVersionKeepingTheOldOne() throws Exception {
        ReferentielFiles.write(courses, "cqpi-assistant", Files.readAllBytes(ReferentielFiles.SHIPPED));
        start().close();
        start().close();
        assertThat(count("referentiel_version")).isEqualTo(1);

        ReferentielFiles.write(
                courses,
                "cqpi-assistant",
                altered(r -> ((ObjectNode)
                                competence(r, 1, 0).withArray("criteria").get(0))
                        .put("text", "Le temps imparti à chaque activité est estimé.")));
        start().close();
        assertThat(db.sql("select version from referentiel_version order by version")
                        .query(Integer.class)
                        .list())
                .containsExactly(1, 2);
        assertThat(db.sql("""
                        select k.text from criterion k join referentiel_version v on v.id = k.referentiel_version_id
                        where k.code = 'C4.1' order by v.version""").query(String.class).list())
                .containsExactly(
                        "Le temps imparti à chaque activité est estimé de façon réaliste.",
                        "Le temps imparti à chaque activité est estimé.");
        assertThat(count("criterion")).isEqualTo(160);
    }

    @Test
    void aBadFileStopsTheStartAndStoresNothing() throws Exception {
        ReferentielFiles.write(courses, "cqpi-assistant", Files.readAllBytes(ReferentielFiles.SHIPPED));
        start().close();
        Map<String, Long> before = counts();

        List<Consumer<ObjectNode>> faults = List.of(
                r -> bloc(r, 0).put("code", "X1"),
                r -> competence(r, 1, 0).putArray("criteria"),
                r -> bloc(r, 2).put("title", ""),
                r -> competence(r, 1, 0).put("code", "C1"));
        for (Consumer<ObjectNode> fault : faults) {
            // A good changed file beside the bad one is not stored either: all files are checked first.
            ReferentielFiles.write(courses, "cqpi-assistant", altered(r -> r.put("title", "CQPI Assistant(e) v2")));
            Path bad = ReferentielFiles.write(courses, "zz-bad", altered(fault));
            assertThat(mostSpecificCause(this::start))
                    .isInstanceOf(InvalidReferentielException.class)
                    .hasMessageContaining(bad.toString())
                    .hasMessageContaining("$.blocs[");
            assertThat(counts()).isEqualTo(before);
        }
        Path malformed = ReferentielFiles.write(courses, "zz-bad", "{ \"code\": ".getBytes());
        assertThat(mostSpecificCause(this::start))
                .hasMessageContaining(malformed.toString())
                .hasMessageContaining("malformed JSON");
        assertThat(counts()).isEqualTo(before);
    }

    private ConfigurableApplicationContext start() {
        return TestApplications.start(Map.of(
                "spring.datasource.url",
                jdbcUrl(),
                "spring.datasource.username",
                "postgres",
                "spring.datasource.password",
                "postgres",
                "cqpi.referentiel.location",
                "file:" + courses + "/*/referentiel.json"));
    }

    private static String jdbcUrl() {
        return externalPostgres.getJdbcUrl("postgres", "postgres");
    }

    private static long count(String table) {
        return db.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static Map<String, Long> counts() {
        return Map.of(
                "referentiel_version",
                count("referentiel_version"),
                "bloc",
                count("bloc"),
                "competence",
                count("competence"),
                "criterion",
                count("criterion"));
    }
}
