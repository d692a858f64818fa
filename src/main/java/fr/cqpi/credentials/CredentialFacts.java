package fr.cqpi.credentials;

import fr.cqpi.shared.CivilDates;
import java.time.Instant;
import java.time.LocalDate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the public verification page shows of a credential: read from the stored JSON, its status from the table. */
public record CredentialFacts(
        String id,
        String blocCode,
        CredentialStatus status,
        LocalDate revokedOn,
        String achievementName,
        String achievementDescription,
        String criteria,
        String issuerName,
        String validFrom,
        String evidence,
        String alignmentUrl,
        String credentialUrl) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static CredentialFacts of(IssuedCredential issued) {
        JsonNode credential = JSON.readTree(issued.json());
        JsonNode achievement = credential.at("/credentialSubject/achievement");
        if (achievement.isArray()) {
            // A CLR: the certificate comes first, its blocs after.
            achievement = achievement.path(0);
        }
        return new CredentialFacts(
                issued.id().toString(),
                issued.blocCode(),
                issued.status(),
                issued.revokedAt() == null ? null : LocalDate.ofInstant(issued.revokedAt(), CivilDates.FRANCE),
                achievement.path("name").asString(),
                achievement.path("description").asString(),
                achievement.at("/criteria/narrative").asString(),
                credential.at("/issuer/name").asString(),
                credential.path("validFrom").asString(),
                credential.at("/evidence/0/name").asString(),
                achievement.at("/alignment/0/targetUrl").asString(),
                credential.path("id").asString());
    }

    /** The day the credential is valid from, in France. */
    public LocalDate validOn() {
        return LocalDate.ofInstant(Instant.parse(validFrom), CivilDates.FRANCE);
    }
}
