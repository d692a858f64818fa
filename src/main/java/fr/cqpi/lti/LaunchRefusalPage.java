package fr.cqpi.lti;

import com.nimbusds.jwt.JWTParser;
import fr.cqpi.shared.StandalonePages;
import fr.cqpi.shared.SupportedLocales;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The page a refused launch gets: what is wrong and what to do, in the launch's language, with its
 * HTTP status. It never shows a stack trace, the token or the request parameters.
 */
@Component
public class LaunchRefusalPage {

    private final StandalonePages pages;
    private final LocaleResolver locales;
    private final LaunchLog launchLog;
    private final PlatformRegistry registry;

    LaunchRefusalPage(StandalonePages pages, LocaleResolver locales, LaunchLog launchLog, PlatformRegistry registry) {
        this.pages = pages;
        this.locales = locales;
        this.launchLog = launchLog;
        this.registry = registry;
    }

    public void render(HttpServletRequest request, HttpServletResponse response, LaunchRefusal refusal)
            throws IOException {
        render(request, response, refusal, null);
    }

    /** The refusal's page; the refusal is written to the {@link LaunchLog} with its reason, never the token. */
    void render(HttpServletRequest request, HttpServletResponse response, LaunchRefusal refusal, String detail)
            throws IOException {
        Long platformId = registry.seenInRequest(request).map(Platform::id).orElse(null);
        launchLog.refused(platformId, request.getParameter("iss"), refusal, detail);
        pages.render(
                request,
                response,
                refusal.status().value(),
                "lti/launch-refused",
                localeOf(request),
                Map.of(
                        "refusal",
                        refusal,
                        "messageKey",
                        refusal.messageKey(),
                        "status",
                        refusal.status().value()));
    }

    /**
     * The language the platform asked for in the (unverified) id_token, else the browser's. Only the
     * language is taken from an unverified token; nothing else of it is trusted or shown.
     */
    private Locale localeOf(HttpServletRequest request) {
        String idToken = request.getParameter("id_token");
        if (idToken != null) {
            try {
                Object presentation =
                        JWTParser.parse(idToken).getJWTClaimsSet().getClaim(LtiClaims.LAUNCH_PRESENTATION);
                if (presentation instanceof Map<?, ?> p && p.get("locale") instanceof String tag) {
                    return SupportedLocales.ofPlatform(tag);
                }
            } catch (Exception ignored) {
                // An unreadable token falls back to the browser's language.
            }
        }
        return locales.resolveLocale(request);
    }
}
