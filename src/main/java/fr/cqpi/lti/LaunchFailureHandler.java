package fr.cqpi.lti;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/** A refused launch gets its page and status; the log says why, without the token. */
class LaunchFailureHandler implements AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(LaunchFailureHandler.class);

    private final LaunchRefusalPage page;

    LaunchFailureHandler(LaunchRefusalPage page) {
        this.page = page;
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        LaunchRefusal refusal = refusalOf(exception);
        String detail = exception instanceof OAuth2AuthenticationException o
                ? o.getError().getDescription()
                : null;
        log.info("Launch refused: {} ({})", refusal, detail);
        page.render(request, response, refusal, detail);
    }

    static LaunchRefusal refusalOf(AuthenticationException exception) {
        if (exception instanceof LaunchRefusedException refused) {
            return refused.refusal();
        }
        if (exception instanceof OAuth2AuthenticationException oauth) {
            return switch (oauth.getError().getErrorCode()) {
                case "authorization_request_not_found" -> LaunchRefusal.STATE_NOT_FOUND;
                case "invalid_request" -> LaunchRefusal.MISSING_PARAMETER;
                case "client_registration_not_found" -> LaunchRefusal.UNKNOWN_PLATFORM;
                default -> LaunchRefusal.PLATFORM_ERROR;
            };
        }
        return LaunchRefusal.MALFORMED_TOKEN;
    }
}
