package fr.cqpi.demo;

import java.util.List;

/** A fictional member of the demo course. */
public record DemoUser(String id, String givenName, String familyName, String email, List<String> roles) {

    static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
    static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";

    public String name() {
        return givenName + " " + familyName;
    }

    public boolean isInstructor() {
        return roles.contains(INSTRUCTOR);
    }
}
