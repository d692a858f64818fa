package fr.cqpi.demo;

import fr.cqpi.course.Actor;
import fr.cqpi.course.CourseLaunches;
import fr.cqpi.course.Courses;
import fr.cqpi.course.LaunchRecord;
import fr.cqpi.course.Person;
import fr.cqpi.course.Roster;
import fr.cqpi.course.RosterEntry;
import fr.cqpi.course.ToolRole;
import fr.cqpi.evaluation.EvaluationQueries;
import fr.cqpi.evaluation.JudgmentInput;
import fr.cqpi.evaluation.JudgmentService;
import fr.cqpi.lti.Platform;
import fr.cqpi.referentiel.Referentiel;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo course as a trainer finds it after a few weeks: its learners enrolled, most of them judged at
 * different stages by the trainer (évaluateur habilité), and the course's gradebook showing progress. Stored
 * through the tool's own services, as the course's first launch, its roster and the trainer's saves would store
 * it; only when the demo course has no judgment yet, so that a restart keeps what the visitor did.
 */
@Profile("demo")
@Component
class DemoCohortSeed {

    private static final Logger log = LoggerFactory.getLogger(DemoCohortSeed.class);
    private static final String REQUEST_ID = "demo-seed";

    /** What the trainer has judged of one learner: the statuses of whole blocs or compétences, then exceptions. */
    private record Stage(String learnerId, Map<String, String> statusByBlocOrCompetence, List<Remark> remarks) {}

    /** One criterion judged otherwise than its compétence, with the trainer's comment. */
    private record Remark(String criterion, String status, String comment) {}

    private static final List<Stage> STAGES = List.of(
            new Stage(
                    "learner-03",
                    Map.of("B1", "ACQUIS", "B2", "ACQUIS", "C7", "ACQUIS", "C8", "EN_COURS"),
                    List.of(new Remark("C8.2", "EN_COURS", "Trame du document écrit à reprendre avec la tutrice"))),
            new Stage(
                    "learner-04",
                    Map.of("B1", "ACQUIS", "B2", "ACQUIS", "B3", "ACQUIS", "B4", "ACQUIS"),
                    List.of(new Remark("C1.1", "ACQUIS", "Planning de l'équipe tenu seul pendant trois semaines"))),
            new Stage("learner-06", Map.of("B1", "ACQUIS", "C4", "ACQUIS", "C5", "EN_COURS"), List.of()),
            new Stage(
                    "learner-07",
                    Map.of("B1", "ACQUIS"),
                    List.of(
                            new Remark("C1.3", "NON_ACQUIS", "Relances des fournisseurs oubliées deux fois sur trois"),
                            new Remark("C2.2", "NON_ACQUIS", "Classement des pièces incomplet à l'entretien"))),
            new Stage("learner-08", Map.of("C1", "EN_COURS"), List.of()),
            new Stage(
                    "learner-09", Map.of("B1", "ACQUIS", "B2", "ACQUIS", "B3", "ACQUIS", "C9", "EN_COURS"), List.of()),
            new Stage(
                    "learner-11",
                    Map.of("C1", "ACQUIS"),
                    List.of(new Remark("C1.2", "NON_ACQUIS", "Ordre du jour non préparé avant la réunion observée"))));

    private final CourseLaunches launches;
    private final Roster roster;
    private final Courses courses;
    private final EvaluationQueries queries;
    private final JudgmentService judgments;

    DemoCohortSeed(
            CourseLaunches launches,
            Roster roster,
            Courses courses,
            EvaluationQueries queries,
            JudgmentService judgments) {
        this.launches = launches;
        this.roster = roster;
        this.courses = courses;
        this.queries = queries;
        this.judgments = judgments;
    }

    /** Enrols the demo course's members and, if nobody in it was ever judged, judges the learners of {@link #STAGES}. */
    void seed(Platform platform, String lmsBase) {
        DemoUser trainer = DemoCourse.member("trainer-1").orElseThrow();
        LaunchRecord.Recorded recorded = launches.record(new LaunchRecord(
                platform.id(),
                person(trainer),
                new LaunchRecord.CourseData(
                        DemoLms.DEPLOYMENT_ID,
                        DemoCourse.CONTEXT_ID,
                        DemoCourse.LABEL,
                        DemoCourse.TITLE,
                        DemoIdTokens.lineItemsUrl(lmsBase),
                        DemoIdTokens.membershipsUrl(lmsBase)),
                new LaunchRecord.LinkData(DemoCourse.RESOURCE_LINK_ID, DemoCourse.RESOURCE_LINK_TITLE, Map.of(), null),
                ToolRole.EVALUATOR,
                trainer.roles(),
                null));
        long courseId = Objects.requireNonNull(recorded.courseId());
        roster.store(
                platform.id(),
                courseId,
                DemoCourse.MEMBERS.stream()
                        .filter(DemoUser::isLearner)
                        .map(u -> new RosterEntry(person(u), true))
                        .toList());
        Actor actor =
                new Actor(platform.id(), courseId, recorded.userId(), trainer.id(), trainer.name(), ToolRole.EVALUATOR);
        if (queries.cohort(actor).stream().anyMatch(row -> row.lastJudgedAt() != null)) {
            return;
        }
        courses.setShowProgressInGradebook(courseId, true);
        Referentiel referentiel = queries.referentiel();
        for (Stage stage : STAGES) {
            judge(actor, referentiel, stage);
        }
        log.info("Demo course: {} learners judged at different stages", STAGES.size());
    }

    private void judge(Actor actor, Referentiel referentiel, Stage stage) {
        // Blocs first, then compétences: a compétence's status overrides its bloc's.
        stage.statusByBlocOrCompetence().entrySet().stream()
                .sorted(Map.Entry.comparingByKey((a, b) -> Boolean.compare(
                        referentiel.bloc(b).isPresent(), referentiel.bloc(a).isPresent())))
                .forEach(step -> {
                    List<Referentiel.Competence> competences = referentiel
                            .bloc(step.getKey())
                            .map(Referentiel.Bloc::competences)
                            .orElseGet(() -> List.of(
                                    referentiel.competence(step.getKey()).orElseThrow()));
                    for (Referentiel.Competence competence : competences) {
                        judgments.recordCompetence(
                                actor,
                                stage.learnerId(),
                                competence.code(),
                                new JudgmentInput(step.getValue(), usualModality(referentiel, competence), null, null),
                                false,
                                REQUEST_ID);
                    }
                });
        for (Remark remark : stage.remarks()) {
            Referentiel.Bloc bloc =
                    referentiel.blocOfCriterion(remark.criterion()).orElseThrow();
            judgments.record(
                    actor,
                    stage.learnerId(),
                    remark.criterion(),
                    new JudgmentInput(remark.status(), bloc.modalities().get(0).code(), remark.comment(), null),
                    REQUEST_ID);
        }
    }

    private static String usualModality(Referentiel referentiel, Referentiel.Competence competence) {
        return referentiel
                .blocOfCompetence(competence.code())
                .orElseThrow()
                .modalities()
                .get(0)
                .code();
    }

    private static Person person(DemoUser user) {
        return new Person(user.id(), user.name(), user.givenName(), user.familyName(), user.email(), "fr-FR");
    }
}
