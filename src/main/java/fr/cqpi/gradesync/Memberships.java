package fr.cqpi.gradesync;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A page of an NRPS membership container ({@code application/vnd.ims.lti-nrps.v2.membershipcontainer+json}). */
@JsonIgnoreProperties(ignoreUnknown = true)
record Memberships(List<Member> members) {

    static final String MEDIA_TYPE = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";

    Memberships {
        members = members == null ? List.of() : members;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Member(
            @JsonProperty("user_id") String userId,
            String name,
            @JsonProperty("given_name") String givenName,
            @JsonProperty("family_name") String familyName,
            String email,
            String status,
            List<String> roles) {

        Member {
            roles = roles == null ? List.of() : roles;
        }

        boolean active() {
            return !"Inactive".equalsIgnoreCase(status);
        }
    }
}
