package fr.cqpi.framework;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * The CASE identifiers of a référentiel version: name-based UUIDs (version 5, SHA-1, RFC 9562) in a namespace of
 * the tool's own, so that every instance, at every start, gives the same identifier to the same thing. The names:
 * {@code CODE/VERSION} for the CFDocument (and its CFPackage), {@code CODE/VERSION/item/ITEM} for a CFItem (ITEM
 * its code: B1, C1, C1.1), {@code CODE/VERSION/isChildOf/ITEM} for the association of an item to its parent,
 * {@code CODE/VERSION/type/TYPE} for a CFItemType ({@code bloc}, {@code competence}, {@code critere}).
 */
public final class CaseIds {

    /** RFC 9562's namespace for URLs. */
    static final UUID URL_NAMESPACE = UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

    /** The tool's namespace: UUID v5 of {@code urn:cqpi-lti:case} in the URL namespace. */
    public static final UUID NAMESPACE = v5(URL_NAMESPACE, "urn:cqpi-lti:case");

    private CaseIds() {}

    public static UUID document(String code, int version) {
        return v5(NAMESPACE, code + "/" + version);
    }

    public static UUID item(String code, int version, String itemCode) {
        return v5(NAMESPACE, code + "/" + version + "/item/" + itemCode);
    }

    static UUID childOf(String code, int version, String itemCode) {
        return v5(NAMESPACE, code + "/" + version + "/isChildOf/" + itemCode);
    }

    static UUID itemType(String code, int version, String typeCode) {
        return v5(NAMESPACE, code + "/" + version + "/type/" + typeCode);
    }

    /** Where the tool serves a CFItem: {@code BASE/ims/case/v1p1/CFItems/ID} (what credentials align to). */
    public static String itemUri(String baseUrl, UUID item) {
        return baseUrl + CaseFramework.PATH + "/CFItems/" + item;
    }

    /** A version 5 UUID: the first 16 bytes of SHA-1(namespace, name), version and variant bits set. */
    public static UUID v5(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        sha1.update(ByteBuffer.allocate(16)
                .putLong(namespace.getMostSignificantBits())
                .putLong(namespace.getLeastSignificantBits())
                .array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }
}
