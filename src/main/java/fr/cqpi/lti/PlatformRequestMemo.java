package fr.cqpi.lti;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;
import java.util.Optional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The platforms a request has read, kept in its attributes for the rest of it: a launch reads its platform once,
 * and the launch log can say which platform a refused request came from.
 */
final class PlatformRequestMemo {

    private static final String MEMO = PlatformRegistry.class.getName() + ".platform.";

    private PlatformRequestMemo() {}

    /** Kept for the rest of the current request (there is none outside a request). */
    static void remember(Platform platform) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(MEMO + platform.id(), platform, RequestAttributes.SCOPE_REQUEST);
        }
    }

    /** The platform the current request already read, if it did. */
    static Optional<Platform> known(long id) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null
                && request.getAttribute(MEMO + id, RequestAttributes.SCOPE_REQUEST) instanceof Platform known) {
            return Optional.of(known);
        }
        return Optional.empty();
    }

    /**
     * The platform this request's launch or login initiation was found to come from, if it got that far (for the
     * launch log).
     */
    static Optional<Platform> seenIn(HttpServletRequest request) {
        if (request.getAttribute(LoginInitiationGuard.PLATFORM_ATTRIBUTE) instanceof Platform platform) {
            return Optional.of(platform);
        }
        Enumeration<String> names = request.getAttributeNames();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            if (name.startsWith(MEMO) && request.getAttribute(name) instanceof Platform platform) {
                return Optional.of(platform);
            }
        }
        return Optional.empty();
    }
}
