package fr.cqpi.web;

import fr.cqpi.lti.LaunchAuthentication;
import fr.cqpi.shared.SupportedLocales;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;

/** The launch's locale (launch_presentation.locale) when there is a launch, else the browser's; French by default. */
class LaunchLocaleResolver implements LocaleResolver {

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof LaunchAuthentication launch
                && launch.context().locale() != null) {
            return SupportedLocales.ofPlatform(launch.context().locale());
        }
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return SupportedLocales.DEFAULT;
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SupportedLocales.ALL);
            return best != null ? best : SupportedLocales.DEFAULT;
        } catch (IllegalArgumentException malformed) {
            return SupportedLocales.DEFAULT;
        }
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("The locale follows the launch");
    }
}
