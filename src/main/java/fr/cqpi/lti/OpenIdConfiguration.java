package fr.cqpi.lti;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A platform's OpenID configuration (LTI Dynamic Registration §3.4), as much of it as the tool reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
record OpenIdConfiguration(
        String issuer,
        @JsonProperty("authorization_endpoint") String authorizationEndpoint,
        @JsonProperty("token_endpoint") String tokenEndpoint,
        @JsonProperty("jwks_uri") String jwksUri,
        @JsonProperty("registration_endpoint") String registrationEndpoint,
        @JsonProperty("scopes_supported") List<String> scopesSupported,
        @JsonProperty(PLATFORM_CONFIGURATION) PlatformConfiguration platform) {

    static final String PLATFORM_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-platform-configuration";

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PlatformConfiguration(
            @JsonProperty("product_family_code") String productFamilyCode, String version) {}

    String productFamily() {
        return platform == null
                        || platform.productFamilyCode() == null
                        || platform.productFamilyCode().isBlank()
                ? null
                : platform.productFamilyCode();
    }
}
