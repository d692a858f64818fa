package fr.cqpi.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.modulith.NamedInterface;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Writes the pages' {@code /css} and {@code /js} links fingerprinted ({@link StaticAssets}). In a security filter
 * chain, right after its {@code DisableEncodeUrlFilter}, whose response gives every URL back unchanged (no session id
 * in URLs): so it serves the pages rendered by filters (login step, handover, refusals) as well as by controllers.
 * Every chain that renders pages adds one, the administration's included.
 */
@NamedInterface("assets")
public final class FingerprintedLinks extends OncePerRequestFilter {

    private final ResourceUrlProvider urls;

    public FingerprintedLinks(ResourceUrlProvider urls) {
        this.urls = urls;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String context = request.getContextPath();
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public String encodeURL(String url) {
                return super.encodeURL(fingerprinted(context, url));
            }
        });
    }

    /** {@code /js/app.js} as {@code /js/app-<md5>.js}; any other URL as it is. */
    private String fingerprinted(String context, String url) {
        if (!url.startsWith(context + "/css/") && !url.startsWith(context + "/js/")) {
            return url;
        }
        String versioned = urls.getForLookupPath(url.substring(context.length()));
        return versioned == null ? url : context + versioned;
    }
}
