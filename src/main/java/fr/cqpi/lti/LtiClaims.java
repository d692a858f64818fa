package fr.cqpi.lti;

/** Claim names of LTI 1.3 and LTI Advantage id_tokens. */
final class LtiClaims {

    static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    static final String MESSAGE_TYPE = LTI + "message_type";
    static final String VERSION = LTI + "version";
    static final String DEPLOYMENT_ID = LTI + "deployment_id";
    static final String ROLES = LTI + "roles";
    static final String RESOURCE_LINK = LTI + "resource_link";
    static final String TARGET_LINK_URI = LTI + "target_link_uri";
    static final String CONTEXT = LTI + "context";
    static final String CUSTOM = LTI + "custom";
    /** LTI 1.3 core §5.4.3: the user ids of the people a Mentor mentors. */
    static final String ROLE_SCOPE_MENTOR = LTI + "role_scope_mentor";

    static final String LAUNCH_PRESENTATION = LTI + "launch_presentation";
    static final String AGS_ENDPOINT = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
    static final String NRPS = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";
    static final String DEEP_LINKING_SETTINGS = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";

    private LtiClaims() {}
}
