package fr.cqpi.lti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.cqpi.course.Actor;
import fr.cqpi.course.ToolRole;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What the security chain keeps from reaching a controller: an authentication that is not a launch gives no actor,
 * and the request is refused rather than handed a made-up one.
 */
class ActorArgumentResolverTest {

    final ActorArgumentResolver resolver = new ActorArgumentResolver();

    @SuppressWarnings("unused")
    void handler(Actor actor, LaunchContext launch) {}

    MethodParameter parameter(int index) throws NoSuchMethodException {
        return new MethodParameter(getClass().getDeclaredMethod("handler", Actor.class, LaunchContext.class), index);
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void resolvesOnlyActorParameters() throws Exception {
        assertThat(resolver.supportsParameter(parameter(0))).isTrue();
        assertThat(resolver.supportsParameter(parameter(1))).isFalse();
    }

    @Test
    void aTutorSignedInOutsideAnyLmsIsTheActorOfTheirInvitation() throws Exception {
        Actor tutor = new Actor(7, 42L, 99, "invited-tutor", "Nina", ToolRole.TUTOR);
        SecurityContextHolder.getContext()
                .setAuthentication(new LaunchAuthentication(
                        LaunchContext.outsideLms(tutor, "Cours", "nina@example.org", "fr", Instant.now())));

        assertThat(resolver.resolveArgument(parameter(0), null, null, null)).isEqualTo(tutor);
    }

    @Test
    void anAuthenticationThatIsNotALaunchIsRefused() {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("someone", "", "ROLE_LTI"));

        assertThatThrownBy(() -> resolver.resolveArgument(parameter(0), null, null, null))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void noAuthenticationIsRefused() {
        assertThatThrownBy(() -> resolver.resolveArgument(parameter(0), null, null, null))
                .isInstanceOf(AccessDeniedException.class);
    }
}
