package fr.cqpi.demo;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The demo LMS's one course: a trainer, twelve fictional learners, and a company tutor (LTI Mentor) who follows
 * three of them.
 */
final class DemoCourse {

    static final String CONTEXT_ID = "demo-cqpi-2026";
    static final String LABEL = "CQPI-ASS-2026";
    static final String TITLE = "CQPI Assistant(e) — promotion 2026";
    static final String RESOURCE_LINK_ID = "demo-grid";
    static final String RESOURCE_LINK_TITLE = "Grille d'évaluation CQPI Assistant(e)";

    static final List<DemoUser> MEMBERS = List.of(
            user("trainer-1", "Claire", "Martin", DemoUser.INSTRUCTOR),
            user("learner-01", "Amina", "Benali", DemoUser.LEARNER),
            user("learner-02", "Lucas", "Bernard", DemoUser.LEARNER),
            user("learner-03", "Chloé", "Dubois", DemoUser.LEARNER),
            user("learner-04", "Hugo", "Durand", DemoUser.LEARNER),
            user("learner-05", "Inès", "Fontaine", DemoUser.LEARNER),
            user("learner-06", "Julien", "Garnier", DemoUser.LEARNER),
            user("learner-07", "Léa", "Lambert", DemoUser.LEARNER),
            user("learner-08", "Mathis", "Leroy", DemoUser.LEARNER),
            user("learner-09", "Nora", "Moreau", DemoUser.LEARNER),
            user("learner-10", "Paul", "Petit", DemoUser.LEARNER),
            user("learner-11", "Sarah", "Roux", DemoUser.LEARNER),
            user("learner-12", "Yanis", "Vincent", DemoUser.LEARNER),
            tutor("tutor-1", "Thomas", "Girard", List.of("learner-01", "learner-02", "learner-03")));

    private DemoCourse() {}

    static Optional<DemoUser> member(String id) {
        return MEMBERS.stream().filter(u -> u.id().equals(id)).findFirst();
    }

    private static DemoUser user(String id, String given, String family, String role) {
        return new DemoUser(id, given, family, email(given, family), List.of(role), List.of());
    }

    private static DemoUser tutor(String id, String given, String family, List<String> mentees) {
        return new DemoUser(id, given, family, email(given, family), List.of(DemoUser.MENTOR), mentees);
    }

    private static String email(String given, String family) {
        return (given + "." + family)
                        .toLowerCase(Locale.ROOT)
                        .replace('é', 'e')
                        .replace('è', 'e')
                        .replace('ï', 'i')
                + "@demo-lms.example";
    }
}
