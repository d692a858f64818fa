package fr.cqpi.referentiel;

import fr.cqpi.referentiel.Referentiel.Activities;
import fr.cqpi.referentiel.Referentiel.ActivityGroup;
import fr.cqpi.referentiel.Referentiel.Bloc;
import fr.cqpi.referentiel.Referentiel.Competence;
import fr.cqpi.referentiel.Referentiel.Criterion;
import fr.cqpi.referentiel.Referentiel.Modality;
import fr.cqpi.referentiel.Referentiel.RomeCode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Walks one référentiel document: its blocs, modalities, compétences and criteria, their codes and numbering, and the
 * result rules; every fault is collected with its JSON path instead of stopping at the first. One reader per document.
 */
final class ReferentielReader {

    private static final Pattern REFERENTIEL_CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern BLOC_CODE = Pattern.compile("B[1-9][0-9]*");
    private static final Pattern COMPETENCE_CODE = Pattern.compile("C[1-9][0-9]*");
    private static final Pattern MODALITY_CODE = Pattern.compile("[A-Z][A-Z_]{0,39}");

    private final StrictJsonFields json = new StrictJsonFields();
    private final Set<String> competenceCodes = new HashSet<>();

    List<ReferentielProblem> problems() {
        return json.problems();
    }

    /** The référentiel, or null when the document is not an object; its faults in {@link #problems()}. */
    Referentiel referentiel(JsonNode root) {
        if (!root.isObject()) {
            json.problem("$", "the document must be a JSON object");
            return null;
        }
        json.onlyFields(
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
        String code = json.requiredText(root, "$", "code");
        if (code != null && !REFERENTIEL_CODE.matcher(code).matches()) {
            json.problem("$.code", "must be lower-case letters, digits and dashes, e.g. cqpi-assistant");
        }
        List<Bloc> blocs = json.list(root, "$", "blocs", true, this::bloc);
        Set<String> blocCodes = new HashSet<>();
        for (int i = 0; i < blocs.size(); i++) {
            if (blocs.get(i) != null && !blocCodes.add(blocs.get(i).code())) {
                json.problem(
                        "$.blocs[" + i + "].code",
                        "duplicate bloc code " + blocs.get(i).code());
            }
        }
        return new Referentiel(
                code,
                json.requiredText(root, "$", "title"),
                json.optionalText(root, "$", "qualificationType"),
                json.requiredText(root, "$", "certifyingBody"),
                json.optionalText(root, "$", "certifyingBodyFullName"),
                json.list(root, "$", "description", false, json::text),
                activities(root.get("activities"), "$.activities"),
                json.list(root, "$", "romeCodes", false, this::romeCode),
                json.list(root, "$", "conditionsExercice", false, json::text),
                rules(root.get("rules"), "$.rules"),
                blocs);
    }

    private Bloc bloc(JsonNode node, String path) {
        if (!json.object(node, path)) {
            return null;
        }
        json.onlyFields(node, path, "code", "title", "modalities", "competences");
        String code = json.requiredText(node, path, "code");
        if (code != null && !BLOC_CODE.matcher(code).matches()) {
            json.problem(
                    path + ".code",
                    "unknown bloc code '" + code + "': a bloc code is B followed by its number, e.g. B1");
        }
        List<Modality> modalities = json.list(node, path, "modalities", true, this::modality);
        Set<String> modalityCodes = new HashSet<>();
        for (int i = 0; i < modalities.size(); i++) {
            if (modalities.get(i) != null
                    && !modalityCodes.add(modalities.get(i).code())) {
                json.problem(
                        path + ".modalities[" + i + "].code",
                        "duplicate modality " + modalities.get(i).code());
            }
        }
        return new Bloc(
                code,
                json.requiredText(node, path, "title"),
                modalities,
                json.list(node, path, "competences", true, this::competence));
    }

    private Modality modality(JsonNode node, String path) {
        if (!json.object(node, path)) {
            return null;
        }
        json.onlyFields(node, path, "code", "label", "topics", "candidateWrites");
        String code = json.requiredText(node, path, "code");
        if (code != null && !MODALITY_CODE.matcher(code).matches()) {
            json.problem(path + ".code", "a modality code is upper-case letters and underscores, e.g. OBSERVATION");
        }
        JsonNode writes = node.get("candidateWrites");
        if (writes != null && !writes.isBoolean()) {
            json.problem(path + ".candidateWrites", "must be true or false (the candidate writes a document for it)");
        }
        return new Modality(
                code,
                json.requiredText(node, path, "label"),
                json.list(node, path, "topics", false, json::text),
                writes != null && writes.asBoolean());
    }

    private Competence competence(JsonNode node, String path) {
        if (!json.object(node, path)) {
            return null;
        }
        json.onlyFields(node, path, "code", "title", "criteria");
        String code = json.requiredText(node, path, "code");
        if (code != null && !COMPETENCE_CODE.matcher(code).matches()) {
            json.problem(path + ".code", "a compétence code is C followed by its number, e.g. C1");
        } else if (code != null && !competenceCodes.add(code)) {
            json.problem(path + ".code", "duplicate compétence code " + code);
        }
        String title = json.requiredText(node, path, "title");
        List<Criterion> criteria = json.list(node, path, "criteria", true, this::criterion);
        Set<String> criterionCodes = new HashSet<>();
        for (int i = 0; i < criteria.size(); i++) {
            Criterion criterion = criteria.get(i);
            if (criterion == null || criterion.code() == null) {
                continue;
            }
            String criterionPath = path + ".criteria[" + i + "].code";
            if (!criterionCodes.add(criterion.code())) {
                json.problem(criterionPath, "duplicate criterion code " + criterion.code());
            } else if (code != null && !criterion.code().matches(Pattern.quote(code) + "\\.[1-9][0-9]*")) {
                json.problem(
                        criterionPath,
                        "criterion " + criterion.code() + " must be numbered under its compétence, e.g. " + code
                                + ".1");
            }
        }
        return new Competence(code, title, criteria);
    }

    private Criterion criterion(JsonNode node, String path) {
        if (!json.object(node, path)) {
            return null;
        }
        json.onlyFields(node, path, "code", "text");
        return new Criterion(json.requiredText(node, path, "code"), json.requiredText(node, path, "text"));
    }

    private Activities activities(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return new Activities(null, List.of());
        }
        if (!json.object(node, path)) {
            return null;
        }
        json.onlyFields(node, path, "introduction", "groups");
        return new Activities(
                json.optionalText(node, path, "introduction"),
                json.list(node, path, "groups", false, this::activityGroup));
    }

    private ActivityGroup activityGroup(JsonNode node, String path) {
        if (!json.object(node, path)) {
            return null;
        }
        json.onlyFields(node, path, "title", "items");
        return new ActivityGroup(
                json.requiredText(node, path, "title"), json.list(node, path, "items", true, json::text));
    }

    private RomeCode romeCode(JsonNode node, String path) {
        if (!json.object(node, path)) {
            return null;
        }
        json.onlyFields(node, path, "code", "label");
        return new RomeCode(json.requiredText(node, path, "code"), json.requiredText(node, path, "label"));
    }

    private ResultRules rules(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return ResultRules.DEFAULTS;
        }
        if (!json.object(node, path)) {
            return ResultRules.DEFAULTS;
        }
        json.onlyFields(
                node,
                path,
                "competenceAcquise",
                "blocValide",
                "blocValideMinimumPercent",
                "blocScore",
                "scoreDecimals",
                "propositionJudgments");
        ResultRules d = ResultRules.DEFAULTS;
        int decimals = json.wholeNumber(node, path, "scoreDecimals", 0, 4, d.scoreDecimals());
        ResultRules.BlocRule blocValide =
                json.rule(node, path, "blocValide", ResultRules.BlocRule.class, d.blocValide());
        int minimumPercent = json.wholeNumber(node, path, "blocValideMinimumPercent", 1, 100, 0);
        boolean needsThreshold = blocValide == ResultRules.BlocRule.SHARE_OF_CRITERIA_ACQUIS;
        if (needsThreshold && minimumPercent == 0) {
            json.problem(path + ".blocValideMinimumPercent", "required with SHARE_OF_CRITERIA_ACQUIS, e.g. 70");
        } else if (!needsThreshold && node.has("blocValideMinimumPercent")) {
            json.problem(path + ".blocValideMinimumPercent", "only with blocValide SHARE_OF_CRITERIA_ACQUIS");
        }
        return new ResultRules(
                json.rule(node, path, "competenceAcquise", ResultRules.CompetenceRule.class, d.competenceAcquise()),
                blocValide,
                needsThreshold ? minimumPercent : 0,
                json.rule(node, path, "blocScore", ResultRules.ScoreRule.class, d.blocScore()),
                decimals,
                json.rule(
                        node, path, "propositionJudgments", ResultRules.JudgmentsRule.class, d.propositionJudgments()));
    }
}
