package fr.cqpi.tutors;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param invitationValidity how long an invitation lets its tutor sign in (renewed when the tutor is invited again)
 * @param linkValidity how long a sign-in link may be used (once)
 * @param linkRequestsPerHour how many new links one address may ask for in an hour (more are ignored, silently)
 */
@ConfigurationProperties("cqpi.tutors")
public record TutorsProperties(
        @DefaultValue("90d") Duration invitationValidity,
        @DefaultValue("30m") Duration linkValidity,
        @DefaultValue("5") int linkRequestsPerHour) {}
