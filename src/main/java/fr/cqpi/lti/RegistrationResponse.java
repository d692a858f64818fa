package fr.cqpi.lti;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The platform's answer to the registration request (LTI Dynamic Registration §3.6). */
@JsonIgnoreProperties(ignoreUnknown = true)
record RegistrationResponse(
        @JsonProperty("client_id") String clientId,

        @JsonProperty(ToolRegistrationRequest.TOOL_CONFIGURATION)
        ToolConfigurationAnswer toolConfiguration) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ToolConfigurationAnswer(
            @JsonProperty("deployment_id") String deploymentId) {}

    String deploymentId() {
        return toolConfiguration == null
                        || toolConfiguration.deploymentId() == null
                        || toolConfiguration.deploymentId().isBlank()
                ? null
                : toolConfiguration.deploymentId();
    }
}
