package fr.cqpi.credentials;

import fr.cqpi.framework.CaseIds;
import fr.cqpi.jury.ValidatedBlocs.ValidatedBloc;
import fr.cqpi.referentiel.Referentiel;
import fr.cqpi.referentiel.Referentiel.Bloc;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What the CLR 2.0 {@code ClrCredential} of a learner whose four blocs the jury validated states, before it is signed:
 * the certificate ({@code achievementType} {@code Certificate}) and the blocs as achievements, an {@code isParentOf}
 * association from the certificate to each bloc, the four signed bloc credentials embedded as they were issued, the
 * jury decisions as evidence and its own revocation entry.
 */
final class ClrCredentialContent {

    static final String SCHEMA =
            "https://purl.imsglobal.org/spec/clr/v2p0/schema/json/clr_v2p0_clrcredential_schema.json";
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    private ClrCredentialContent() {}

    /**
     * @param blocCredentials the signed bloc credentials in force, in the référentiel's order of its blocs
     * @param decisions the standing decisions of those blocs, same order
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> of(
            String baseUrl,
            UUID credentialId,
            BlocCredentialContent.Issuer issuer,
            Referentiel referentiel,
            int version,
            List<Map<String, Object>> blocCredentials,
            List<ValidatedBloc> decisions,
            BlocCredentialContent.Holder holder,
            BlocCredentialContent.StatusEntry status) {
        ValidatedBloc last = decisions.stream()
                .max(Comparator.comparing(ValidatedBloc::juryDate).thenComparing(ValidatedBloc::decisionId))
                .orElseThrow();
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put(
                "@context",
                List.of(
                        JsonLdContexts.VC_V2,
                        JsonLdContexts.CLR_V2,
                        JsonLdContexts.OB_V3,
                        JsonLdContexts.OB_V3_EXTENSIONS));
        credential.put("id", baseUrl + CredentialsController.PATH + "/" + credentialId);
        credential.put("type", List.of("VerifiableCredential", "ClrCredential"));
        credential.put("issuer", BlocCredentialContent.profile(issuer));
        credential.put("validFrom", BlocCredentialContent.validFrom(last));
        credential.put("name", referentiel.title() + " — certificat");
        credential.put(
                "description",
                "Les " + decisions.size() + " blocs de compétences du " + referentiel.title()
                        + " validés par le jury paritaire : le certificat de qualification professionnelle.");

        String certificateId = "urn:uuid:" + CaseIds.document(referentiel.code(), version);
        Map<String, Object> certificate = new LinkedHashMap<>();
        certificate.put("id", certificateId);
        certificate.put("type", List.of("Achievement"));
        certificate.put("achievementType", "Certificate");
        certificate.put("name", referentiel.title());
        certificate.put(
                "description",
                referentiel.title()
                        + (referentiel.qualificationType() == null ? "" : " (" + referentiel.qualificationType() + ")")
                        + ", délivré par le jury paritaire quand ses blocs de compétences sont tous validés.");
        certificate.put(
                "criteria",
                Map.of(
                        "narrative",
                        "Les blocs de compétences "
                                + String.join(
                                        ", ",
                                        referentiel.blocs().stream()
                                                .map(Bloc::code)
                                                .toList())
                                + " validés par le jury paritaire."));
        certificate.put("humanCode", referentiel.code());
        certificate.put("inLanguage", "fr");

        List<Object> achievements = new ArrayList<>();
        achievements.add(certificate);
        List<Object> associations = new ArrayList<>();
        for (Map<String, Object> bloc : blocCredentials) {
            Map<String, Object> achievement =
                    (Map<String, Object>) ((Map<String, Object>) bloc.get("credentialSubject")).get("achievement");
            achievements.add(achievement);
            Map<String, Object> association = new LinkedHashMap<>();
            association.put("type", "Association");
            association.put("associationType", "isParentOf");
            association.put("sourceId", certificateId);
            association.put("targetId", achievement.get("id"));
            associations.add(association);
        }

        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", holder.subjectId());
        subject.put("type", List.of("ClrSubject"));
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("type", "IdentityObject");
        identity.put("hashed", true);
        identity.put("identityHash", holder.identityHash());
        identity.put("identityType", holder.identityType());
        identity.put("salt", holder.salt());
        subject.put("identifier", List.of(identity));
        subject.put("achievement", achievements);
        subject.put("verifiableCredential", blocCredentials);
        subject.put("association", associations);
        credential.put("credentialSubject", subject);

        List<Object> evidence = new ArrayList<>();
        for (ValidatedBloc decision : decisions) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("type", List.of("Evidence"));
            item.put(
                    "name",
                    decision.blocCode() + " — jury paritaire du " + FRENCH_DATE.format(decision.juryDate()) + " — "
                            + decision.juryPlace());
            item.put(
                    "description",
                    "Décision VALIDE du jury paritaire sur le bloc " + decision.blocCode() + " (session n° "
                            + decision.sessionId() + " du " + decision.juryDate() + ", décision n° "
                            + decision.decisionId() + ").");
            evidence.add(item);
        }
        credential.put("evidence", evidence);
        credential.put("credentialStatus", BlocCredentialContent.statusEntry(status));
        credential.put("credentialSchema", List.of(Map.of("id", SCHEMA, "type", "1EdTechJsonSchemaValidator2019")));
        return credential;
    }
}
