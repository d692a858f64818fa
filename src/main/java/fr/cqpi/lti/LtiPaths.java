package fr.cqpi.lti;

/** The tool's LTI endpoints, one set for every platform. */
public final class LtiPaths {

    public static final String LOGIN = "/lti/login";
    public static final String LAUNCH = "/lti/launch";
    public static final String REGISTER = "/lti/register";
    public static final String JWKS = "/.well-known/jwks.json";

    private LtiPaths() {}
}
