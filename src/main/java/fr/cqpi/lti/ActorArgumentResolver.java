package fr.cqpi.lti;

import fr.cqpi.course.Actor;
import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives a controller's {@link Actor} parameter the actor of the request's launch (or of a tutor's sign-in, which is
 * a launch outside any LMS), so that feature modules need not know the LTI launch. A request without one is refused:
 * an actor is never made up, and never bound from the request's parameters.
 */
final class ActorArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Actor.class;
    }

    @Override
    public Actor resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest request,
            WebDataBinderFactory binders) {
        Authentication authentication =
                SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
        if (authentication instanceof LaunchAuthentication launch) {
            return launch.context().actor();
        }
        throw new AccessDeniedException("No launch behind this request");
    }
}
