package fr.cqpi.course;

import java.util.Collection;

/**
 * What a launch lets a person do in the tool, from their LTI roles.
 * Course Instructor, TeachingAssistant, Administrator and ContentDeveloper, and the system Administrator,
 * evaluate (évaluateur habilité / formateur); a course Mentor is a tuteur entreprise, who sees and judges only the
 * learners assigned to them; a course Learner sees their own grid; institution roles count for nothing;
 * any other role (Observer, unknown, none) only reads the référentiel. A course member a trainer designates as
 * tutor of some learners is a TUTOR in that course too (see {@link TutorAssignments}).
 */
public enum ToolRole {
    EVALUATOR,
    TUTOR,
    LEARNER,
    GUEST;

    private static final String MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership";

    public static ToolRole of(Collection<String> ltiRoles) {
        boolean learner = false;
        boolean mentor = false;
        for (String role : ltiRoles) {
            String name = simpleName(role);
            if (name.equals("Instructor")
                    || name.equals("TeachingAssistant")
                    || name.equals("ContentDeveloper")
                    || name.equals("Administrator")) {
                return EVALUATOR;
            }
            if (name.equals("Learner")) {
                learner = true;
            }
            if (name.equals("Mentor")) {
                mentor = true;
            }
        }
        // A Mentor who is also a Learner (the LTI core specification's own example) acts as the tutor they are.
        return mentor ? TUTOR : learner ? LEARNER : GUEST;
    }

    /** Whether the roles include Learner (whatever else they include): who a roster lists as a learner. */
    public static boolean includesLearner(Collection<String> ltiRoles) {
        return ltiRoles.stream().anyMatch(role -> simpleName(role).equals("Learner"));
    }

    /**
     * {@code http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor} → Instructor; sub-roles such as
     * {@code membership/Instructor#TeachingAssistant} → TeachingAssistant; short names are kept as they are.
     * Only course (membership) roles count, and the system Administrator (the LMS's site administrator):
     * institution roles, which Canvas sends on every launch whatever the course, give no course rights.
     */
    static String simpleName(String role) {
        if (role == null) {
            return "";
        }
        String trimmed = role.strip();
        int hash = trimmed.lastIndexOf('#');
        if (hash >= 0) {
            String base = trimmed.substring(0, hash);
            String name = trimmed.substring(hash + 1);
            if (base.startsWith(MEMBERSHIP)) {
                return name;
            }
            return base.endsWith("/system/person") && name.equals("Administrator") ? name : "";
        }
        return trimmed.contains("/") ? "" : trimmed;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
