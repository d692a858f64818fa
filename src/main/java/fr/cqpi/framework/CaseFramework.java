package fr.cqpi.framework;

import fr.cqpi.referentiel.Referentiel;
import fr.cqpi.referentiel.Referentiel.Bloc;
import fr.cqpi.referentiel.Referentiel.Competence;
import fr.cqpi.referentiel.Referentiel.Criterion;
import fr.cqpi.referentiel.Referentiel.Modality;
import fr.cqpi.referentiel.ReferentielCatalog.StoredReferentiel;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One stored référentiel version as a CASE 1.1 framework: its CFDocument, a CFItem per bloc, compétence and
 * criterion, an {@code isChildOf} CFAssociation from each item to its parent (a bloc's parent is the document), and
 * three CFItemTypes. Every {@code uri} is on the tool's base URL, under {@link #PATH}. Built per request: it is small,
 * and the base URL may come from the request.
 */
final class CaseFramework {

    static final String PATH = "/ims/case/v1p1";
    private static final String LANGUAGE = "fr";

    private final StoredReferentiel stored;
    private final Referentiel referentiel;
    /** When a later version replaced this one; null while it is the latest. */
    private final Instant supersededAt;

    private final String baseUrl;
    private final String api;
    private final UUID documentId;
    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, ItemType> types = new LinkedHashMap<>();

    private record ItemType(UUID id, String code, String title, String description, String hierarchyCode) {}

    private record Node(
            UUID id, String code, ItemType type, String statement, String notes, int position, Node parent) {}

    CaseFramework(StoredReferentiel stored, Referentiel referentiel, Instant supersededAt, String baseUrl) {
        this.stored = stored;
        this.referentiel = referentiel;
        this.supersededAt = supersededAt;
        this.baseUrl = baseUrl;
        this.api = baseUrl + PATH;
        this.documentId = CaseIds.document(stored.code(), stored.version());
        ItemType blocType = type("bloc", "Bloc de compétences", "Bloc de compétences, certifiable séparément", "1");
        ItemType competenceType = type("competence", "Compétence", "Compétence d'un bloc", "2");
        ItemType criterionType = type("critere", "Critère d'évaluation", "Résultat observable d'une compétence", "3");
        int blocPosition = 0;
        for (Bloc bloc : referentiel.blocs()) {
            Node blocNode = node(bloc.code(), blocType, bloc.title(), modalities(bloc), ++blocPosition, null);
            int competencePosition = 0;
            for (Competence competence : bloc.competences()) {
                Node competenceNode = node(
                        competence.code(), competenceType, competence.title(), null, ++competencePosition, blocNode);
                int criterionPosition = 0;
                for (Criterion criterion : competence.criteria()) {
                    node(criterion.code(), criterionType, criterion.text(), null, ++criterionPosition, competenceNode);
                }
            }
        }
    }

    private ItemType type(String code, String title, String description, String hierarchyCode) {
        ItemType type = new ItemType(
                CaseIds.itemType(stored.code(), stored.version(), code), code, title, description, hierarchyCode);
        types.put(code, type);
        return type;
    }

    private Node node(String code, ItemType type, String statement, String notes, int position, Node parent) {
        Node node = new Node(
                CaseIds.item(stored.code(), stored.version(), code), code, type, statement, notes, position, parent);
        nodes.add(node);
        return node;
    }

    private static String modalities(Bloc bloc) {
        if (bloc.modalities().isEmpty()) {
            return null;
        }
        return "Modalités d'évaluation : "
                + bloc.modalities().stream().map(Modality::label).collect(Collectors.joining(" ; "));
    }

    UUID documentId() {
        return documentId;
    }

    /** The CFDocument as {@code getCFDocument} and {@code getAllCFDocuments} answer it (with its CFPackageURI). */
    Map<String, Object> document() {
        Map<String, Object> document = packageDocument();
        document.put("CFPackageURI", link(referentiel.title(), documentId, api + "/CFPackages/" + documentId));
        return document;
    }

    /** The CFPackage: the document, every item, every association, the item types. */
    Map<String, Object> pckg() {
        Map<String, Object> pckg = new LinkedHashMap<>();
        pckg.put("CFDocument", packageDocument());
        pckg.put("CFItems", nodes.stream().map(this::item).toList());
        pckg.put("CFAssociations", nodes.stream().map(this::association).toList());
        pckg.put(
                "CFDefinitions",
                Map.of("CFItemTypes", itemTypes(types.values().stream().toList())));
        return pckg;
    }

    Optional<Map<String, Object>> item(UUID id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst().map(node -> {
            Map<String, Object> item = item(node);
            item.put("CFDocumentURI", documentLink());
            return item;
        });
    }

    Optional<Map<String, Object>> association(UUID id) {
        return nodes.stream().filter(n -> childOf(n).equals(id)).findFirst().map(node -> {
            Map<String, Object> association = association(node);
            association.put("CFDocumentURI", documentLink());
            return association;
        });
    }

    /** {@code getCFItemType} answers a CFItemTypeSet. */
    Optional<Map<String, Object>> itemTypeSet(UUID id) {
        return types.values().stream()
                .filter(t -> t.id().equals(id))
                .findFirst()
                .map(type -> Map.of("CFItemTypes", itemTypes(List.of(type))));
    }

    private Map<String, Object> packageDocument() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("identifier", documentId.toString());
        document.put("uri", api + "/CFDocuments/" + documentId);
        document.put("caseVersion", "1.1");
        document.put(
                "creator",
                referentiel.certifyingBodyFullName() != null
                        ? referentiel.certifyingBodyFullName()
                        : referentiel.certifyingBody());
        document.put("title", referentiel.title());
        document.put("lastChangeDateTime", dateTime(supersededAt != null ? supersededAt : stored.loadedAt()));
        putIfPresent(document, "publisher", referentiel.certifyingBody());
        if (referentiel.description() != null && !referentiel.description().isEmpty()) {
            document.put("description", String.join("\n\n", referentiel.description()));
        }
        putIfPresent(
                document,
                "subject",
                Optional.ofNullable(referentiel.qualificationType())
                        .map(List::of)
                        .orElse(null));
        document.put("language", LANGUAGE);
        document.put("version", Integer.toString(stored.version()));
        document.put("adoptionStatus", supersededAt == null ? "Adopted" : "Deprecated");
        document.put("statusStartDate", date(stored.loadedAt()));
        if (supersededAt != null) {
            document.put("statusEndDate", date(supersededAt));
        }
        document.put(
                "notes",
                "Référentiel « " + stored.code() + " », version " + stored.version()
                        + " telle que l'outil cqpi-lti la connaît (blocs, compétences, critères d'évaluation).");
        return document;
    }

    private Map<String, Object> item(Node node) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("identifier", node.id().toString());
        item.put("fullStatement", node.statement());
        item.put("CFItemType", node.type().title());
        item.put("uri", itemUri(node));
        item.put("humanCodingScheme", node.code());
        item.put("listEnumeration", Integer.toString(node.position()));
        putIfPresent(item, "notes", node.notes());
        item.put("language", LANGUAGE);
        item.put("CFItemTypeURI", link(node.type().title(), node.type().id(), itemTypeUri(node.type())));
        item.put("lastChangeDateTime", dateTime(stored.loadedAt()));
        return item;
    }

    private Map<String, Object> association(Node node) {
        UUID id = childOf(node);
        Map<String, Object> association = new LinkedHashMap<>();
        association.put("identifier", id.toString());
        association.put("associationType", "isChildOf");
        association.put("sequenceNumber", node.position());
        association.put("uri", api + "/CFAssociations/" + id);
        association.put("originNodeURI", link(node.code(), node.id(), itemUri(node)));
        association.put(
                "destinationNodeURI",
                node.parent() == null
                        ? documentLink()
                        : link(node.parent().code(), node.parent().id(), itemUri(node.parent())));
        association.put("lastChangeDateTime", dateTime(stored.loadedAt()));
        return association;
    }

    private List<Map<String, Object>> itemTypes(List<ItemType> list) {
        return list.stream()
                .map(type -> {
                    Map<String, Object> itemType = new LinkedHashMap<>();
                    itemType.put("identifier", type.id().toString());
                    itemType.put("uri", itemTypeUri(type));
                    itemType.put("title", type.title());
                    itemType.put("description", type.description());
                    itemType.put("hierarchyCode", type.hierarchyCode());
                    itemType.put("typeCode", type.code());
                    itemType.put("lastChangeDateTime", dateTime(stored.loadedAt()));
                    return itemType;
                })
                .toList();
    }

    private UUID childOf(Node node) {
        return CaseIds.childOf(stored.code(), stored.version(), node.code());
    }

    private String itemUri(Node node) {
        return CaseIds.itemUri(baseUrl, node.id());
    }

    private String itemTypeUri(ItemType type) {
        return api + "/CFItemTypes/" + type.id();
    }

    private Map<String, Object> documentLink() {
        return link(referentiel.title(), documentId, api + "/CFDocuments/" + documentId);
    }

    private static Map<String, Object> link(String title, UUID identifier, String uri) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("title", title);
        link.put("identifier", identifier.toString());
        link.put("uri", uri);
        return link;
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static String dateTime(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static String date(Instant instant) {
        return DateTimeFormatter.ISO_LOCAL_DATE.format(instant.atOffset(ZoneOffset.UTC));
    }
}
