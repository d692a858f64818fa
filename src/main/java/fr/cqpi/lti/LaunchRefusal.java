package fr.cqpi.lti;

import org.springframework.http.HttpStatus;

/**
 * Why a launch was refused. Each reason has an HTTP status and a message key
 * ({@code launch.error.<code>}) in the message bundles.
 */
public enum LaunchRefusal {
    MISSING_PARAMETER(HttpStatus.BAD_REQUEST),
    UNKNOWN_PLATFORM(HttpStatus.FORBIDDEN),
    PLATFORM_DISABLED(HttpStatus.FORBIDDEN),
    UNKNOWN_DEPLOYMENT(HttpStatus.FORBIDDEN),
    STATE_NOT_FOUND(HttpStatus.BAD_REQUEST),
    HANDOVER_REFUSED(HttpStatus.BAD_REQUEST),
    PLATFORM_ERROR(HttpStatus.BAD_REQUEST),
    MALFORMED_TOKEN(HttpStatus.UNAUTHORIZED),
    UNSUPPORTED_ALGORITHM(HttpStatus.UNAUTHORIZED),
    MISSING_KID(HttpStatus.UNAUTHORIZED),
    UNKNOWN_KID(HttpStatus.UNAUTHORIZED),
    BAD_SIGNATURE(HttpStatus.UNAUTHORIZED),
    KEYS_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE),
    WRONG_ISSUER(HttpStatus.UNAUTHORIZED),
    WRONG_AUDIENCE(HttpStatus.UNAUTHORIZED),
    WRONG_AZP(HttpStatus.UNAUTHORIZED),
    EXPIRED(HttpStatus.UNAUTHORIZED),
    ISSUED_IN_FUTURE(HttpStatus.UNAUTHORIZED),
    TOO_OLD(HttpStatus.UNAUTHORIZED),
    NONCE_MISMATCH(HttpStatus.UNAUTHORIZED),
    NONCE_REPLAYED(HttpStatus.UNAUTHORIZED),
    MISSING_VERSION(HttpStatus.BAD_REQUEST),
    WRONG_VERSION(HttpStatus.BAD_REQUEST),
    MISSING_MESSAGE_TYPE(HttpStatus.BAD_REQUEST),
    UNSUPPORTED_MESSAGE_TYPE(HttpStatus.BAD_REQUEST),
    MISSING_DEPLOYMENT_ID(HttpStatus.BAD_REQUEST),
    MISSING_SUB(HttpStatus.BAD_REQUEST),
    MISSING_ROLES(HttpStatus.BAD_REQUEST),
    MISSING_RESOURCE_LINK(HttpStatus.BAD_REQUEST),
    MISSING_TARGET_LINK_URI(HttpStatus.BAD_REQUEST),
    FOREIGN_TARGET_LINK_URI(HttpStatus.BAD_REQUEST),
    MISSING_DEEP_LINKING_SETTINGS(HttpStatus.BAD_REQUEST);

    private final HttpStatus status;

    LaunchRefusal(HttpStatus status) {
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    public String messageKey() {
        return "launch.error." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The OAuth2 error code under which the refusal travels through Spring Security. */
    public String code() {
        return "cqpi_" + name().toLowerCase(java.util.Locale.ROOT);
    }

    public static LaunchRefusal fromCode(String code) {
        for (LaunchRefusal refusal : values()) {
            if (refusal.code().equals(code)) {
                return refusal;
            }
        }
        return null;
    }

    public LaunchRefusedException exception(String detail) {
        return new LaunchRefusedException(this, detail);
    }
}
