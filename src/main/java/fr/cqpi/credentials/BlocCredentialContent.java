package fr.cqpi.credentials;

import fr.cqpi.framework.CaseIds;
import fr.cqpi.jury.ValidatedBlocs.ValidatedBloc;
import fr.cqpi.referentiel.Referentiel;
import fr.cqpi.referentiel.Referentiel.Bloc;
import fr.cqpi.referentiel.Referentiel.Competence;
import fr.cqpi.shared.CivilDates;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What an Open Badges 3.0 {@code OpenBadgeCredential} of a validated bloc states, before it is signed: the issuer
 * (the certifying body's Profile), {@code validFrom} the day the jury sat, the holder (a {@code urn:uuid} and a
 * salted hash of their e-mail address, or of their LTI user id), the achievement (the bloc, {@code Competency}, its
 * compétences as criteria, aligned to the bloc's CASE CFItem the tool publishes), the jury session as evidence, and
 * the revocation entry in the status list.
 */
final class BlocCredentialContent {

    static final String SCHEMA =
            "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    /** Who the credential names as issuer. */
    record Issuer(String id, String name, String url, String email) {}

    /** The holder's identifier: the hash, its type (emailAddress or ltiUserId) and the salt. */
    record Holder(String subjectId, String identityType, String identityHash, String salt) {}

    /** Where the credential's revocation bit is. */
    record StatusEntry(String listUrl, int index) {}

    private BlocCredentialContent() {}

    static Map<String, Object> of(
            String baseUrl,
            UUID credentialId,
            Issuer issuer,
            Referentiel referentiel,
            int version,
            Bloc bloc,
            ValidatedBloc decision,
            Holder holder,
            StatusEntry status) {
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put(
                "@context", List.of(JsonLdContexts.VC_V2, JsonLdContexts.OB_V3, JsonLdContexts.OB_V3_EXTENSIONS));
        credential.put("id", baseUrl + CredentialsController.PATH + "/" + credentialId);
        credential.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
        credential.put("issuer", profile(issuer));
        credential.put("validFrom", validFrom(decision));
        credential.put("name", bloc.code() + " — " + bloc.title());
        credential.put(
                "description",
                "Bloc de compétences " + bloc.code() + " du " + referentiel.title()
                        + ", validé par le jury paritaire.");

        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", holder.subjectId());
        subject.put("type", List.of("AchievementSubject"));
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("type", "IdentityObject");
        identity.put("hashed", true);
        identity.put("identityHash", holder.identityHash());
        identity.put("identityType", holder.identityType());
        identity.put("salt", holder.salt());
        subject.put("identifier", List.of(identity));
        subject.put("achievement", achievement(baseUrl, referentiel, version, bloc));
        credential.put("credentialSubject", subject);

        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("type", List.of("Evidence"));
        evidence.put(
                "name", "Jury paritaire du " + FRENCH_DATE.format(decision.juryDate()) + " — " + decision.juryPlace());
        evidence.put(
                "description",
                "Décision VALIDE du jury paritaire sur le bloc " + bloc.code() + " (session n° " + decision.sessionId()
                        + " du " + decision.juryDate() + ", décision n° " + decision.decisionId() + ").");
        credential.put("evidence", List.of(evidence));

        credential.put("credentialStatus", statusEntry(status));
        credential.put("credentialSchema", List.of(Map.of("id", SCHEMA, "type", "1EdTechJsonSchemaValidator2019")));
        return credential;
    }

    static Map<String, Object> statusEntry(StatusEntry status) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", status.listUrl() + "#" + status.index());
        entry.put("type", "BitstringStatusListEntry");
        entry.put("statusPurpose", "revocation");
        entry.put("statusListIndex", Integer.toString(status.index()));
        entry.put("statusListCredential", status.listUrl());
        return entry;
    }

    static Map<String, Object> profile(Issuer issuer) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("id", issuer.id());
        profile.put("type", List.of("Profile"));
        profile.put("name", issuer.name());
        if (issuer.url() != null && !issuer.url().isBlank()) {
            profile.put("url", issuer.url());
        }
        if (issuer.email() != null && !issuer.email().isBlank()) {
            profile.put("email", issuer.email());
        }
        return profile;
    }

    /** The day the jury sat, from midnight in France. */
    static String validFrom(ValidatedBloc decision) {
        Instant start = decision.juryDate().atStartOfDay(CivilDates.FRANCE).toInstant();
        return DateTimeFormatter.ISO_INSTANT.format(start.truncatedTo(ChronoUnit.SECONDS));
    }

    private static Map<String, Object> achievement(String baseUrl, Referentiel referentiel, int version, Bloc bloc) {
        UUID item = CaseIds.item(referentiel.code(), version, bloc.code());
        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("id", "urn:uuid:" + item);
        achievement.put("type", List.of("Achievement"));
        achievement.put("achievementType", "Competency");
        achievement.put("name", bloc.title());
        achievement.put(
                "description",
                "Bloc de compétences " + bloc.code() + " du " + referentiel.title()
                        + (referentiel.qualificationType() == null ? "" : " (" + referentiel.qualificationType() + ")")
                        + ", certifiable séparément et acquis à vie.");
        achievement.put(
                "criteria",
                Map.of(
                        "narrative",
                        "Le jury paritaire valide le bloc au vu de l'évaluation, sur des critères observables, des"
                                + " compétences :\n\n"
                                + bloc.competences().stream()
                                        .map(BlocCredentialContent::competence)
                                        .collect(Collectors.joining("\n"))));
        achievement.put("humanCode", bloc.code());
        achievement.put("inLanguage", "fr");
        Map<String, Object> alignment = new LinkedHashMap<>();
        alignment.put("type", List.of("Alignment"));
        alignment.put("targetCode", bloc.code());
        alignment.put("targetName", bloc.title());
        alignment.put("targetFramework", referentiel.title() + " (version " + version + ")");
        alignment.put("targetType", "CFItem");
        alignment.put("targetUrl", CaseIds.itemUri(baseUrl, item));
        achievement.put("alignment", List.of(alignment));
        return achievement;
    }

    private static String competence(Competence competence) {
        return "- " + competence.code() + " " + competence.title();
    }
}
