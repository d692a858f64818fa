package fr.cqpi.shared;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The headers of pages that LMS frames embed (the tool's) or that frame the tool (the demo LMS's): scripts and
 * styles from the site only, frames to and from HTTPS sites and local development hosts.
 */
public final class FramedPageHeaders {

    private FramedPageHeaders() {}

    public static Customizer<HeadersConfigurer<HttpSecurity>> headers() {
        return headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                + "form-action 'self' https: http://localhost:* http://127.0.0.1:*; "
                                + "frame-ancestors 'self' https: http://localhost:* http://127.0.0.1:*; "
                                + "frame-src 'self' https: http://localhost:* http://127.0.0.1:*"))
                .referrerPolicy(
                        r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));
    }
}
