package fr.cqpi.lti;

import fr.cqpi.course.Actor;
import fr.cqpi.course.ToolRole;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Who launched the tool, from where and for what: every request is authorised against this.
 * Kept in the (JDBC) session; holds no token. {@code launchId} identifies this launch: pages carry it, so
 * that a page left open from an earlier launch (another course, in another tab) cannot write under the
 * newer one.
 */
public record LaunchContext(
        long platformId,
        String platformName,
        String issuer,
        String deploymentId,
        Long courseId,
        String contextId,
        String courseTitle,
        Long resourceLinkId,
        String resourceLinkTitle,
        long userId,
        String sub,
        String name,
        String email,
        ToolRole role,
        List<String> ltiRoles,
        Map<String, String> custom,
        String messageType,
        String locale,
        Services services,
        DeepLinking deepLinking,
        Instant launchedAt,
        String launchId)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public static final String RESOURCE_LINK_REQUEST = "LtiResourceLinkRequest";
    public static final String DEEP_LINKING_REQUEST = "LtiDeepLinkingRequest";
    /** No LTI message: a tuteur entreprise signed in with an invitation's link, outside any LMS. */
    public static final String TUTOR_SIGN_IN = "CqpiTutorSignIn";

    /**
     * The context of a session opened outside any LMS (a tutor's sign-in link): the actor as the invitation makes
     * them, no platform message, no services; pages and API authorise it as they do a launch.
     */
    public static LaunchContext outsideLms(Actor actor, String courseTitle, String email, String locale, Instant at) {
        return new LaunchContext(
                actor.platformId(),
                null,
                null,
                null,
                actor.courseId(),
                null,
                courseTitle,
                null,
                null,
                actor.userId(),
                actor.sub(),
                actor.displayName(),
                email,
                actor.role(),
                List.of(),
                Map.of(),
                TUTOR_SIGN_IN,
                locale,
                null,
                null,
                at,
                java.util.UUID.randomUUID().toString());
    }

    /** Whether this session was opened outside any LMS (see {@link #outsideLms}). */
    public boolean isOutsideLms() {
        return TUTOR_SIGN_IN.equals(messageType);
    }

    /** The AGS and NRPS endpoints the platform offered in this launch (null when not offered). */
    public record Services(String lineItems, String lineItem, List<String> agsScopes, String membershipsUrl)
            implements Serializable {}

    /** The deep-linking settings of an LtiDeepLinkingRequest. */
    public record DeepLinking(
            String returnUrl,
            List<String> acceptTypes,
            boolean acceptMultiple,
            Boolean acceptLineItem,
            String data,
            String title)
            implements Serializable {}

    public boolean hasCourse() {
        return actor().hasCourse();
    }

    public boolean isEvaluator() {
        return actor().isEvaluator();
    }

    public boolean isLearner() {
        return actor().isLearner();
    }

    public boolean isTutor() {
        return actor().isTutor();
    }

    public String displayName() {
        return name != null && !name.isBlank() ? name : sub;
    }

    /** Who acts in this launch, as the course and evaluation modules know them. */
    public Actor actor() {
        return new Actor(platformId, courseId, userId, sub, displayName(), role);
    }
}
