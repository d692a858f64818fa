package fr.cqpi.notifications;

import fr.cqpi.course.Actor;
import fr.cqpi.course.ToolRole;
import fr.cqpi.evaluation.JudgmentInput;
import fr.cqpi.evaluation.JudgmentService;
import fr.cqpi.jury.Jury;
import fr.cqpi.jury.JuryInputs;
import fr.cqpi.jury.JurySession;
import fr.cqpi.lti.PlatformRegistry;
import fr.cqpi.support.SharedWireMock;
import fr.cqpi.support.TestCohorts;
import fr.cqpi.support.TestPlatform;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A course of one application instance with what its notifications are about: a trainer (French), a tuteur
 * entreprise (English) following a candidate (English, with an e-mail address), another candidate without one, and
 * the confidential words of their file (comments, the jury's reason and préconisations) that no e-mail may carry.
 */
record NotificationCohort(
        ApplicationContext tool,
        long courseId,
        Actor trainer,
        Actor tutor,
        String candidateSub,
        String candidateEmail,
        String silentSub,
        String trainerEmail,
        String tutorEmail,
        String suffix) {

    static final String TRAINER_COMMENT = "Classement des factures remarquablement tenu";
    static final String TUTOR_COMMENT = "Oublie encore les relances fournisseurs";
    static final String REASON = "Maîtrise démontrée en situation réelle";
    static final String PRECONISATIONS = "Approfondir la gestion des litiges clients";
    static final String CRITERION = "C1.1";

    static NotificationCohort seed(ApplicationContext tool) {
        JdbcClient jdbc = tool.getBean(JdbcClient.class);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String client = "notif-" + suffix;
        TestPlatform platform = new TestPlatform(SharedWireMock.get(), "https://" + client + ".example", client, "d1")
                .register(tool.getBean(PlatformRegistry.class));
        long platformId = platform.platform().id();
        long course = jdbc.sql(
                        "insert into course (platform_id, deployment_id, context_id, title) values (:p, 'd1', 'c',"
                                + " 'CQPI Assistant(e) 2026') returning id")
                .param("p", platformId)
                .query(Long.class)
                .single();
        long trainer = person(
                jdbc,
                platformId,
                course,
                "trainer",
                "Claire Martin",
                "claire-" + suffix + "@of.example",
                "fr-FR",
                ToolRole.EVALUATOR);
        long tutor = person(
                jdbc,
                platformId,
                course,
                "tutor",
                "Tom Girard",
                "tom-" + suffix + "@company.example",
                "en",
                ToolRole.TUTOR);
        long candidate = person(
                jdbc,
                platformId,
                course,
                "amina",
                "Amina Benali",
                "amina-" + suffix + "@mail.example",
                "en-US",
                ToolRole.LEARNER);
        person(jdbc, platformId, course, "silent", "Lucas Bernard", null, null, ToolRole.LEARNER);
        jdbc.sql(
                        "insert into tutor_assignment (course_id, tutor_id, learner_id, source) values (:c, :t, :l, 'TRAINER')")
                .param("c", course)
                .param("t", tutor)
                .param("l", candidate)
                .update();
        TestCohorts.currentSession(jdbc, course);
        return new NotificationCohort(
                tool,
                course,
                new Actor(platformId, course, trainer, "trainer", "Claire Martin", ToolRole.EVALUATOR),
                new Actor(platformId, course, tutor, "tutor", "Tom Girard", ToolRole.TUTOR),
                "amina",
                "amina-" + suffix + "@mail.example",
                "silent",
                "claire-" + suffix + "@of.example",
                "tom-" + suffix + "@company.example",
                suffix);
    }

    private static long person(
            JdbcClient jdbc,
            long platformId,
            long course,
            String sub,
            String name,
            String email,
            String locale,
            ToolRole role) {
        long id = jdbc.sql("insert into lti_user (platform_id, sub, name, email, locale) values (:p, :sub, :name,"
                        + " :email, :locale) returning id")
                .param("p", platformId)
                .param("sub", sub)
                .param("name", name)
                .param("email", email)
                .param("locale", locale)
                .query(Long.class)
                .single();
        jdbc.sql("insert into enrolment (course_id, user_id, tool_role) values (:c, :u, :r)")
                .param("c", course)
                .param("u", id)
                .param("r", role.name())
                .update();
        return id;
    }

    /** The trainer and the tutor judge the candidate's criterion differently, each with a comment: a divergence. */
    void judgeWithADivergence() {
        JudgmentService judgments = tool.getBean(JudgmentService.class);
        judgments.record(
                trainer,
                candidateSub,
                CRITERION,
                new JudgmentInput("ACQUIS", "OBSERVATION", TRAINER_COMMENT, null),
                "t");
        judgments.record(
                tutor,
                candidateSub,
                CRITERION,
                new JudgmentInput("NON_ACQUIS", "OBSERVATION", TUTOR_COMMENT, null),
                "t");
    }

    String presidentEmail() {
        return "president-" + suffix + "@jury.example";
    }

    String rapporteurEmail() {
        return "rapporteur-" + suffix + "@jury.example";
    }

    /** A session of today with both candidates; the président and the rapporteur have e-mail addresses. */
    JurySession session(String place) {
        return tool.getBean(Jury.class)
                .createSession(
                        trainer,
                        new JuryInputs.Session(
                                LocalDate.now().toString(),
                                place,
                                List.of(
                                        new JuryInputs.Member(
                                                "Marc Lefèvre", "EMPLOYEURS", "PRESIDENT", presidentEmail()),
                                        new JuryInputs.Member("Nadia Roux", "EMPLOYEURS", "REPRESENTANT_EMPLOYEURS"),
                                        new JuryInputs.Member("Paul Durand", "SALARIES", "REPRESENTANT_SALARIES"),
                                        new JuryInputs.Member("Luc Moreau", "AUCUN", "RAPPORTEUR", rapporteurEmail())),
                                List.of(candidateSub, silentSub),
                                false));
    }

    /** The jury validates the candidate's first bloc, and decides on the other candidate too. */
    void decide(long sessionId, String learnerSub) {
        tool.getBean(Jury.class)
                .decide(
                        trainer,
                        sessionId,
                        new JuryInputs.Decide(learnerSub, "B1", "VALIDE", 3, 0, 0, REASON, PRECONISATIONS, null, false),
                        "t");
    }

    /** Notifications of a type about a jury session (by their coalescing key), in a status. */
    long count(String type, long sessionId, String status) {
        return tool.getBean(JdbcClient.class)
                .sql("select count(*) from notification where status = :s and coalesce_key like :key")
                .param("s", status)
                .param("key", type + ":" + sessionId + ":%")
                .query(Long.class)
                .single();
    }
}
