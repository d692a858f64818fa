package fr.cqpi.referentiel;

import fr.cqpi.referentiel.Referentiel.Activities;
import fr.cqpi.referentiel.Referentiel.ActivityGroup;
import fr.cqpi.referentiel.Referentiel.Bloc;
import fr.cqpi.referentiel.Referentiel.Competence;
import fr.cqpi.referentiel.Referentiel.Criterion;
import fr.cqpi.referentiel.Referentiel.Modality;
import fr.cqpi.referentiel.Referentiel.RomeCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a référentiel file strictly: every fault is reported with its JSON path, unknown fields
 * included, so that a typo never silently drops part of a grid.
 */
public final class ReferentielParser {

    private static final Pattern REFERENTIEL_CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern BLOC_CODE = Pattern.compile("B[1-9][0-9]*");
    private static final Pattern COMPETENCE_CODE = Pattern.compile("C[1-9][0-9]*");
    private static final Pattern MODALITY_CODE = Pattern.compile("[A-Z][A-Z_]{0,39}");

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** The parsed document and its canonical JSON (the same for files that differ only in layout). */
    public record Parsed(Referentiel referentiel, String canonicalJson) {}

    public Parsed parse(String source, byte[] content) {
        JsonNode root;
        try {
            root = mapper.readTree(content);
        } catch (StreamReadException e) {
            throw new InvalidReferentielException(
                    source,
                    List.of(new ReferentielProblem(
                            "$",
                            "malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage())));
        } catch (Exception e) {
            throw new InvalidReferentielException(
                    source, List.of(new ReferentielProblem("$", "unreadable JSON: " + e.getMessage())));
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidReferentielException(source, List.of(new ReferentielProblem("$", "the file is empty")));
        }
        Reader reader = new Reader();
        Referentiel referentiel = reader.referentiel(root);
        if (!reader.problems.isEmpty()) {
            throw new InvalidReferentielException(source, reader.problems);
        }
        try {
            return new Parsed(referentiel, mapper.writeValueAsString(root));
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Walks one document, collecting problems instead of stopping at the first. */
    private static final class Reader {

        private final List<ReferentielProblem> problems = new ArrayList<>();
        private final Set<String> competenceCodes = new HashSet<>();

        Referentiel referentiel(JsonNode root) {
            if (!root.isObject()) {
                problem("$", "the document must be a JSON object");
                return null;
            }
            onlyFields(
                    root,
                    "$",
                    "code",
                    "title",
                    "qualificationType",
                    "certifyingBody",
                    "certifyingBodyFullName",
                    "description",
                    "activities",
                    "romeCodes",
                    "conditionsExercice",
                    "rules",
                    "blocs");
            String code = requiredText(root, "$", "code");
            if (code != null && !REFERENTIEL_CODE.matcher(code).matches()) {
                problem("$.code", "must be lower-case letters, digits and dashes, e.g. cqpi-assistant");
            }
            List<Bloc> blocs = list(root, "$", "blocs", true, this::bloc);
            Set<String> blocCodes = new HashSet<>();
            for (int i = 0; i < blocs.size(); i++) {
                if (blocs.get(i) != null && !blocCodes.add(blocs.get(i).code())) {
                    problem(
                            "$.blocs[" + i + "].code",
                            "duplicate bloc code " + blocs.get(i).code());
                }
            }
            return new Referentiel(
                    code,
                    requiredText(root, "$", "title"),
                    optionalText(root, "$", "qualificationType"),
                    requiredText(root, "$", "certifyingBody"),
                    optionalText(root, "$", "certifyingBodyFullName"),
                    list(root, "$", "description", false, this::text),
                    activities(root.get("activities"), "$.activities"),
                    list(root, "$", "romeCodes", false, this::romeCode),
                    list(root, "$", "conditionsExercice", false, this::text),
                    rules(root.get("rules"), "$.rules"),
                    blocs);
        }

        private Bloc bloc(JsonNode node, String path) {
            if (!object(node, path)) {
                return null;
            }
            onlyFields(node, path, "code", "title", "modalities", "competences");
            String code = requiredText(node, path, "code");
            if (code != null && !BLOC_CODE.matcher(code).matches()) {
                problem(
                        path + ".code",
                        "unknown bloc code '" + code + "': a bloc code is B followed by its number, e.g. B1");
            }
            List<Modality> modalities = list(node, path, "modalities", true, this::modality);
            Set<String> modalityCodes = new HashSet<>();
            for (int i = 0; i < modalities.size(); i++) {
                if (modalities.get(i) != null
                        && !modalityCodes.add(modalities.get(i).code())) {
                    problem(
                            path + ".modalities[" + i + "].code",
                            "duplicate modality " + modalities.get(i).code());
                }
            }
            return new Bloc(
                    code,
                    requiredText(node, path, "title"),
                    modalities,
                    list(node, path, "competences", true, this::competence));
        }

        private Modality modality(JsonNode node, String path) {
            if (!object(node, path)) {
                return null;
            }
            onlyFields(node, path, "code", "label", "topics", "candidateWrites");
            String code = requiredText(node, path, "code");
            if (code != null && !MODALITY_CODE.matcher(code).matches()) {
                problem(path + ".code", "a modality code is upper-case letters and underscores, e.g. OBSERVATION");
            }
            JsonNode writes = node.get("candidateWrites");
            if (writes != null && !writes.isBoolean()) {
                problem(path + ".candidateWrites", "must be true or false (the candidate writes a document for it)");
            }
            return new Modality(
                    code,
                    requiredText(node, path, "label"),
                    list(node, path, "topics", false, this::text),
                    writes != null && writes.asBoolean());
        }

        private Competence competence(JsonNode node, String path) {
            if (!object(node, path)) {
                return null;
            }
            onlyFields(node, path, "code", "title", "criteria");
            String code = requiredText(node, path, "code");
            if (code != null && !COMPETENCE_CODE.matcher(code).matches()) {
                problem(path + ".code", "a compétence code is C followed by its number, e.g. C1");
            } else if (code != null && !competenceCodes.add(code)) {
                problem(path + ".code", "duplicate compétence code " + code);
            }
            String title = requiredText(node, path, "title");
            List<Criterion> criteria = list(node, path, "criteria", true, this::criterion);
            Set<String> criterionCodes = new HashSet<>();
            for (int i = 0; i < criteria.size(); i++) {
                Criterion criterion = criteria.get(i);
                if (criterion == null || criterion.code() == null) {
                    continue;
                }
                String criterionPath = path + ".criteria[" + i + "].code";
                if (!criterionCodes.add(criterion.code())) {
                    problem(criterionPath, "duplicate criterion code " + criterion.code());
                } else if (code != null && !criterion.code().matches(Pattern.quote(code) + "\\.[1-9][0-9]*")) {
                    problem(
                            criterionPath,
                            "criterion " + criterion.code() + " must be numbered under its compétence, e.g. " + code
                                    + ".1");
                }
            }
            return new Competence(code, title, criteria);
        }

        private Criterion criterion(JsonNode node, String path) {
            if (!object(node, path)) {
                return null;
            }
            onlyFields(node, path, "code", "text");
            return new Criterion(requiredText(node, path, "code"), requiredText(node, path, "text"));
        }

        private Activities activities(JsonNode node, String path) {
            if (node == null || node.isNull()) {
                return new Activities(null, List.of());
            }
            if (!object(node, path)) {
                return null;
            }
            onlyFields(node, path, "introduction", "groups");
            return new Activities(
                    optionalText(node, path, "introduction"), list(node, path, "groups", false, this::activityGroup));
        }

        private ActivityGroup activityGroup(JsonNode node, String path) {
            if (!object(node, path)) {
                return null;
            }
            onlyFields(node, path, "title", "items");
            return new ActivityGroup(requiredText(node, path, "title"), list(node, path, "items", true, this::text));
        }

        private RomeCode romeCode(JsonNode node, String path) {
            if (!object(node, path)) {
                return null;
            }
            onlyFields(node, path, "code", "label");
            return new RomeCode(requiredText(node, path, "code"), requiredText(node, path, "label"));
        }

        private ResultRules rules(JsonNode node, String path) {
            if (node == null || node.isNull()) {
                return ResultRules.DEFAULTS;
            }
            if (!object(node, path)) {
                return ResultRules.DEFAULTS;
            }
            onlyFields(
                    node,
                    path,
                    "competenceAcquise",
                    "blocValide",
                    "blocValideMinimumPercent",
                    "blocScore",
                    "scoreDecimals",
                    "propositionJudgments");
            ResultRules d = ResultRules.DEFAULTS;
            int decimals = wholeNumber(node, path, "scoreDecimals", 0, 4, d.scoreDecimals());
            ResultRules.BlocRule blocValide =
                    rule(node, path, "blocValide", ResultRules.BlocRule.class, d.blocValide());
            int minimumPercent = wholeNumber(node, path, "blocValideMinimumPercent", 1, 100, 0);
            boolean needsThreshold = blocValide == ResultRules.BlocRule.SHARE_OF_CRITERIA_ACQUIS;
            if (needsThreshold && minimumPercent == 0) {
                problem(path + ".blocValideMinimumPercent", "required with SHARE_OF_CRITERIA_ACQUIS, e.g. 70");
            } else if (!needsThreshold && node.has("blocValideMinimumPercent")) {
                problem(path + ".blocValideMinimumPercent", "only with blocValide SHARE_OF_CRITERIA_ACQUIS");
            }
            return new ResultRules(
                    rule(node, path, "competenceAcquise", ResultRules.CompetenceRule.class, d.competenceAcquise()),
                    blocValide,
                    needsThreshold ? minimumPercent : 0,
                    rule(node, path, "blocScore", ResultRules.ScoreRule.class, d.blocScore()),
                    decimals,
                    rule(
                            node,
                            path,
                            "propositionJudgments",
                            ResultRules.JudgmentsRule.class,
                            d.propositionJudgments()));
        }

        private int wholeNumber(JsonNode node, String path, String field, int min, int max, int fallback) {
            JsonNode value = node.get(field);
            if (value == null) {
                return fallback;
            }
            if (!value.isInt() || value.intValue() < min || value.intValue() > max) {
                problem(path + "." + field, "must be a whole number from " + min + " to " + max);
                return fallback;
            }
            return value.intValue();
        }

        private <E extends Enum<E>> E rule(JsonNode node, String path, String field, Class<E> type, E fallback) {
            String value = optionalText(node, path, field);
            if (value == null) {
                return fallback;
            }
            try {
                return Enum.valueOf(type, value);
            } catch (IllegalArgumentException e) {
                problem(
                        path + "." + field,
                        "unknown rule '" + value + "'; known: " + java.util.Arrays.toString(type.getEnumConstants()));
                return fallback;
            }
        }

        private String text(JsonNode node, String path) {
            if (node == null || !node.isTextual()) {
                problem(path, "must be a string");
                return null;
            }
            String text = normalise(node.textValue());
            if (text.isEmpty()) {
                problem(path, "must not be empty");
                return null;
            }
            return text;
        }

        private String requiredText(JsonNode parent, String path, String field) {
            JsonNode node = parent.get(field);
            if (node == null || node.isNull()) {
                problem(path + "." + field, "is required");
                return null;
            }
            return text(node, path + "." + field);
        }

        private String optionalText(JsonNode parent, String path, String field) {
            JsonNode node = parent.get(field);
            return node == null || node.isNull() ? null : text(node, path + "." + field);
        }

        private <T> List<T> list(
                JsonNode parent, String path, String field, boolean required, BiFunction<JsonNode, String, T> element) {
            JsonNode node = parent.get(field);
            String listPath = path + "." + field;
            if (node == null || node.isNull()) {
                if (required) {
                    problem(listPath, "is required");
                }
                return List.of();
            }
            if (!node.isArray()) {
                problem(listPath, "must be an array");
                return List.of();
            }
            if (required && node.isEmpty()) {
                problem(listPath, "must not be empty");
            }
            List<T> values = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                values.add(element.apply(node.get(i), listPath + "[" + i + "]"));
            }
            return values;
        }

        private boolean object(JsonNode node, String path) {
            if (node == null || !node.isObject()) {
                problem(path, "must be a JSON object");
                return false;
            }
            return true;
        }

        private void onlyFields(JsonNode node, String path, String... known) {
            Set<String> allowed = Set.of(known);
            for (String name : node.propertyNames()) {
                if (!allowed.contains(name)) {
                    problem(path + "." + name, "unknown field; known fields here: " + String.join(", ", known));
                }
            }
        }

        private void problem(String path, String message) {
            problems.add(new ReferentielProblem(path, message));
        }

        private static String normalise(String text) {
            return text.strip().replaceAll("\\s+", " ");
        }
    }
}
