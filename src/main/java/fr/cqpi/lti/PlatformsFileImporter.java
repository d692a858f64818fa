package fr.cqpi.lti;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Upserts the platforms of {@code cqpi.lti.platforms-file} at start; a malformed file stops the start. */
@Component
class PlatformsFileImporter implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(PlatformsFileImporter.class);
    private static final Set<String> FIELDS = Set.of(
            "name",
            "issuer",
            "client_id",
            "deployment_ids",
            "authorization_endpoint",
            "token_endpoint",
            "jwks_uri",
            "service_origins");

    private final LtiProperties properties;
    private final PlatformRegistry registry;

    PlatformsFileImporter(LtiProperties properties, PlatformRegistry registry) {
        this.properties = properties;
        this.registry = registry;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (properties.platformsFile() == null || properties.platformsFile().isBlank()) {
            return;
        }
        Path file = Path.of(properties.platformsFile());
        List<PlatformDefinition> definitions = parse(file);
        definitions.forEach(registry::upsert);
        log.info("Imported {} platform(s) from {}", definitions.size(), file);
    }

    static List<PlatformDefinition> parse(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (JacksonException e) {
            throw new InvalidPlatformsFileException("Platforms file " + file + " is not valid JSON: "
                    + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ")");
        } catch (IOException e) {
            throw new InvalidPlatformsFileException("Cannot read platforms file " + file + ": " + e.getMessage());
        }
        if (root == null || !root.isArray()) {
            throw new InvalidPlatformsFileException("Platforms file " + file + " must hold a JSON array of platforms");
        }
        List<PlatformDefinition> definitions = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            definitions.add(entry(file, i, root.get(i)));
        }
        return definitions;
    }

    /** Optional; absent, the origins the administrator added stay as they are. */
    private static List<String> serviceOrigins(String where, JsonNode origins) {
        if (origins == null) {
            return null;
        }
        if (!origins.isArray()) {
            throw new InvalidPlatformsFileException(
                    where + ", field 'service_origins': an array of origins is required");
        }
        List<String> list = new ArrayList<>();
        for (JsonNode o : origins) {
            if (!o.isTextual()) {
                throw new InvalidPlatformsFileException(
                        where + ", field 'service_origins': every origin must be a string");
            }
            list.add(o.textValue());
        }
        return list;
    }

    private static PlatformDefinition entry(Path file, int index, JsonNode node) {
        String where = "Platforms file " + file + ", entry " + index;
        if (!node.isObject()) {
            throw new InvalidPlatformsFileException(where + ": must be a JSON object");
        }
        for (String name : node.propertyNames()) {
            if (!FIELDS.contains(name)) {
                throw new InvalidPlatformsFileException(where + ", field '" + name + "': unknown field");
            }
        }
        JsonNode deployments = node.get("deployment_ids");
        if (deployments == null || !deployments.isArray() || deployments.isEmpty()) {
            throw new InvalidPlatformsFileException(
                    where + ", field 'deployment_ids': a non-empty array of strings is required");
        }
        List<String> deploymentIds = new ArrayList<>();
        for (JsonNode d : deployments) {
            if (!d.isTextual() || d.textValue().isBlank()) {
                throw new InvalidPlatformsFileException(
                        where + ", field 'deployment_ids': every deployment id must be a non-empty string");
            }
            deploymentIds.add(d.textValue());
        }
        PlatformDefinition definition = new PlatformDefinition(
                text(node, "name"),
                text(node, "issuer"),
                text(node, "client_id"),
                deploymentIds,
                text(node, "authorization_endpoint"),
                text(node, "token_endpoint"),
                text(node, "jwks_uri"),
                serviceOrigins(where, node.get("service_origins")));
        String problem = definition.firstProblem();
        if (problem != null) {
            throw new InvalidPlatformsFileException(where + ", field '" + problem.substring(0, problem.indexOf(':'))
                    + "'" + problem.substring(problem.indexOf(':')));
        }
        return definition;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() ? null : value.textValue().strip();
    }
}
