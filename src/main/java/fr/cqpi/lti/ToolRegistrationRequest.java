package fr.cqpi.lti;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The tool's client registration request (LTI Dynamic Registration §3.5). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolRegistrationRequest(
        @JsonProperty("application_type") String applicationType,
        @JsonProperty("response_types") List<String> responseTypes,
        @JsonProperty("grant_types") List<String> grantTypes,
        @JsonProperty("initiate_login_uri") String initiateLoginUri,
        @JsonProperty("redirect_uris") List<String> redirectUris,
        @JsonProperty("client_name") String clientName,
        @JsonProperty("jwks_uri") String jwksUri,
        @JsonProperty("token_endpoint_auth_method") String tokenEndpointAuthMethod,
        String scope,
        @JsonProperty(TOOL_CONFIGURATION) ToolConfiguration toolConfiguration) {

    static final String TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ToolConfiguration(
            String domain,
            @JsonProperty("target_link_uri") String targetLinkUri,
            String description,
            List<String> claims,
            List<Message> messages) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Message(
            String type,
            @JsonProperty("target_link_uri") String targetLinkUri,
            String label,
            List<String> placements) {}
}
