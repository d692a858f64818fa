package fr.cqpi.referentiel;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.referentiel.Referentiel.Competence;
import fr.cqpi.referentiel.Referentiel.Criterion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped référentiel matches the CQPI Assistant(e) seed, compétence by compétence. */
class CqpiAssistantReferentielTest {

    static Referentiel referentiel;

    @BeforeAll
    static void parse() throws Exception {
        Path file = Path.of("sample-courses/cqpi-assistant/referentiel.json");
        referentiel = new ReferentielParser()
                .parse(file.toString(), Files.readAllBytes(file))
                .referentiel();
    }

    @Test
    void metadataComesFromTheSeed() {
        assertThat(referentiel.code()).isEqualTo("cqpi-assistant");
        assertThat(referentiel.title()).isEqualTo("CQPI Assistant(e)");
        assertThat(referentiel.certifyingBody()).isEqualTo("CPNE Intersecteur Papier-Carton");
        assertThat(referentiel.description()).hasSize(2);
        assertThat(referentiel.description().get(0)).startsWith("L'assistant(e) assure la production de documents");
        assertThat(referentiel.activities().groups())
                .extracting(Referentiel.ActivityGroup::title)
                .containsExactly(
                        "Production de documents professionnels",
                        "Organisation et planification de ses activités, des activités d'un manager, d'une équipe, ou d'un service",
                        "Gestion et coordination des informations liées à l'activité du manager, de l'équipe ou du service",
                        "Gestion des ressources matérielles du service ou de l'équipe",
                        "Relations professionnelles",
                        "Organisation de réunions ou d'événements",
                        "Préparation et suivi de la planification et du déroulement d'un projet ou d'un dossier",
                        "Gestion administrative ou budgétaire");
        assertThat(referentiel.activities().groups().get(7).items()).hasSize(8);
        assertThat(referentiel.romeCodes())
                .extracting(Referentiel.RomeCode::code)
                .containsExactly("M1604", "M1605", "M1607");
        assertThat(referentiel.conditionsExercice()).hasSize(2);
        assertThat(referentiel.rules()).isEqualTo(ResultRules.DEFAULTS);
    }

    @Test
    void fourBlocsWithTheirCompetencesInSeedOrder() {
        assertThat(referentiel.blocs()).extracting(Referentiel.Bloc::code).containsExactly("B1", "B2", "B3", "B4");
        assertThat(referentiel.blocs())
                .extracting(Referentiel.Bloc::title)
                .containsExactly(
                        "Suivi, coordination des informations et production de documents professionnels",
                        "Organisation des activités",
                        "Suivi des projets ou des dossiers et traitement des aléas",
                        "Communication avec différents interlocuteurs");
        Map<String, List<String>> competencesPerBloc = Map.of(
                "B1",
                List.of("C1", "C2", "C3"),
                "B2",
                List.of("C4", "C5", "C6"),
                "B3",
                List.of("C7", "C8"),
                "B4",
                List.of("C9"));
        competencesPerBloc.forEach((bloc, competences) -> assertThat(
                        referentiel.bloc(bloc).orElseThrow().competences())
                .extracting(Competence::code)
                .containsExactlyElementsOf(competences));
        assertThat(referentiel.competences())
                .extracting(Competence::title)
                .containsExactly(
                        "Réaliser la production de documents professionnels",
                        "Coordonner des informations liées à l'activité d'un manager, d'une équipe ou d'un service",
                        "Réaliser le suivi administratif ou budgétaire d'un service, d'une équipe",
                        "Organiser et planifier ses activités, les activités d'un manager, d'une équipe ou d'un service",
                        "Gérer les ressources matérielles d'un service ou d'une équipe",
                        "Organiser des réunions ou des événements",
                        "Préparer et suivre la planification et le déroulement d'un projet ou d'un dossier",
                        "Mettre en œuvre une méthodologie de traitement des aléas",
                        "Communiquer avec différents interlocuteurs internes ou externes");
    }

    @Test
    void evaluationModalitiesPerBloc() {
        assertThat(modalityCodes("B1")).containsExactly("OBSERVATION", "ENTRETIEN");
        assertThat(modalityCodes("B2")).containsExactly("OBSERVATION", "ENTRETIEN");
        assertThat(modalityCodes("B3")).containsExactly("DOCUMENT_ECRIT", "ENTRETIEN");
        assertThat(modalityCodes("B4")).containsExactly("OBSERVATION", "ENTRETIEN");
        assertThat(referentiel
                        .bloc("B3")
                        .orElseThrow()
                        .modality("DOCUMENT_ECRIT")
                        .orElseThrow()
                        .label())
                .isEqualTo(
                        "Renseignement par le candidat d'un document écrit sur le suivi de projets ou de dossiers qu'il a réalisé");
        assertThat(topics("B1"))
                .hasSize(10)
                .startsWith("le recueil et la transmission d'informations")
                .endsWith("les écarts identifiés et les actions mises en œuvre par le candidat");
        assertThat(topics("B2")).hasSize(8).contains("les compte-rendu réalisés");
        assertThat(topics("B3")).hasSize(4).contains("les aléas, incidents ou anomalies rencontrés par le candidat");
        assertThat(topics("B4"))
                .containsExactly(
                        "les différents interlocuteurs du candidat et les informations que le candidat leur transmet",
                        "l'accueil des nouveaux arrivants réalisé par le candidat");
    }

    @ParameterizedTest(name = "{0}: {1} criteria")
    @CsvSource(delimiter = '|', textBlock = """
            C1 | 4  | L'ensemble des informations nécessaires à la production d'un document est identifié, recherché à l'aide de média appropriés et vérifié. Les interlocuteurs pertinents sont sollicités afin d'obtenir les informations nécessaires à la production de document | Les documents sont rédigés de façon précise et claire et sont conformes aux exigences de l'entreprise. Ils sont complets et sont exploitables. Le vocabulaire ou la langue est adapté.
            C2 | 11 | Le degré d'urgence et d'importance des différents flux d'information (courriers, mails ...) est identifié. | Les systèmes informatisés, les outils de gestion de l'information, les applications et bases de données sont utilisés à bon escient.
            C3 | 15 | Les informations sont vérifiées et mises à jour de façon régulière. | Les écarts sont identifiés et les interlocuteurs pertinents sont alertés dans les délais.
            C4 | 8  | Le temps imparti à chaque activité est estimé de façon réaliste. | Les indicateurs du tableau de bord sont expliqués et les écarts identifiés.
            C5 | 10 | Les stocks de consommables sont suivis avec régularité à l'aide d'un outil de suivi. Les besoins en consommables sont anticipés. | Le suivi de l'administration des ressources informatiques est réalisé en lien avec le service dédié et est conforme avec les procédures en vigueur dans l'entreprise.
            C6 | 8  | Les différentes étapes permettant l'organisation de réunions ou d'évènements sont identifiées sans omission. Le rétro planning proposé est réaliste. | Le compte-rendu est transmis aux différents interlocuteurs dans les délais après validation.
            C7 | 6  | Les informations concernant l'état d'avancement du projet ou du dossier et les missions des intervenants sont recherchées auprès des interlocuteurs pertinents et leur exactitude est vérifiée. | Tout écart est identifié et des actions correctives sont proposées. Les actions proposées sont pertinentes.
            C8 | 7  | Tout aléa, incident ou anomalie est identifié. | Les actions correctives sont suivies et les résultats sont transmis aux interlocuteurs pertinents.
            C9 | 11 | L'interlocuteur est accueilli dans le respect de la distance professionnelle nécessaire, de la discrétion et des règles de courtoisie | L'accueil des nouveaux arrivants est préparé, les besoins en outils et ressources matérielles sont anticipés. Le bureau, les outils et ressources matérielles sont préparés.
            """)
    void criteriaMatchTheSeedRowByRow(String competence, int count, String first, String last) {
        List<Criterion> criteria = referentiel
                .competences()
                .filter(c -> c.code().equals(competence))
                .findFirst()
                .orElseThrow()
                .criteria();
        assertThat(criteria).hasSize(count);
        assertThat(criteria.get(0).text()).isEqualTo(first);
        assertThat(criteria.get(count - 1).text()).isEqualTo(last);
        for (int k = 0; k < count; k++) {
            assertThat(criteria.get(k).code()).isEqualTo(competence + "." + (k + 1));
        }
    }

    @Test
    void rowsThatHoldSeveralSentencesStayOneCriterion() {
        assertThat(text("C3.3"))
                .isEqualTo(
                        "Les dysfonctionnements pouvant être résolus rapidement sont identifiés et"
                                + " traités dans les délais. Une intervention des services spécialisés est sollicitée à bon escient.");
        assertThat(text("C5.9"))
                .isEqualTo(
                        "Une recherche de produits, ressources matérielles est réalisée. Différentes"
                                + " propositions de produits sont comparées. Le choix est adapté au budget et répond au cahier des charges.");
        assertThat(text("C9.10")).startsWith("Des échanges réguliers permettent d'établir un dialogue constructif");
        assertThat(referentiel.criteria()).hasSize(80);
    }

    private static String text(String code) {
        return referentiel
                .criteria()
                .filter(c -> c.code().equals(code))
                .findFirst()
                .orElseThrow()
                .text();
    }

    private static List<String> modalityCodes(String bloc) {
        return referentiel.bloc(bloc).orElseThrow().modalities().stream()
                .map(Referentiel.Modality::code)
                .toList();
    }

    private static List<String> topics(String bloc) {
        return referentiel
                .bloc(bloc)
                .orElseThrow()
                .modality("ENTRETIEN")
                .orElseThrow()
                .topics();
    }
}
