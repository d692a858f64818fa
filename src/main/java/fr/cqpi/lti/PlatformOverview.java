package fr.cqpi.lti;

import java.time.Instant;
import java.util.List;
import org.springframework.modulith.NamedInterface;

/** For the administrator: a platform with its deployments and last launch. */
@NamedInterface("platforms")
public record PlatformOverview(
        Platform platform, List<String> deployments, List<String> disabledDeployments, Instant lastLaunch) {}
