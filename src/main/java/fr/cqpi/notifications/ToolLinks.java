package fr.cqpi.notifications;

import fr.cqpi.lti.ToolBaseUrl;
import org.springframework.stereotype.Component;

/**
 * Links into the tool, made when a notification is written (in the request that caused it, or from
 * {@code cqpi.base-url}). Without either, the path alone: the message is still sent.
 */
@Component
class ToolLinks {

    private final ToolBaseUrl base;

    ToolLinks(ToolBaseUrl base) {
        this.base = base;
    }

    String to(String path) {
        try {
            return base.get() + path;
        } catch (IllegalStateException noBaseUrl) {
            return path;
        }
    }
}
