package fr.cqpi.lti;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/** A refused launch; the detail is for the operator's log and never contains the token. */
public class LaunchRefusedException extends OAuth2AuthenticationException {

    private final LaunchRefusal refusal;

    public LaunchRefusedException(LaunchRefusal refusal, String detail) {
        super(new OAuth2Error(refusal.code(), detail, null), detail);
        this.refusal = refusal;
    }

    public LaunchRefusal refusal() {
        return refusal;
    }
}
