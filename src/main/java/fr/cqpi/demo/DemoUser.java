package fr.cqpi.demo;

import java.util.List;

/**
 * A fictional member of the demo course; {@code mentees}: for a Mentor (tuteur entreprise), the learners their
 * launches name in {@code role_scope_mentor}.
 */
public record DemoUser(
        String id, String givenName, String familyName, String email, List<String> roles, List<String> mentees) {

    static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
    static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
    static final String MENTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor";

    public String name() {
        return givenName + " " + familyName;
    }

    public boolean isInstructor() {
        return roles.contains(INSTRUCTOR);
    }

    public boolean isMentor() {
        return roles.contains(MENTOR);
    }

    public boolean isLearner() {
        return roles.contains(LEARNER);
    }
}
