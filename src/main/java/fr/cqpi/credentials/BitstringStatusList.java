package fr.cqpi.credentials;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Collection;
import java.util.zip.GZIPOutputStream;

/**
 * A W3C Bitstring Status List: {@link #SIZE} bits (16 KiB, the minimum the specification sets so that a position
 * tells nothing of a holder), the bit at index 0 the left-most of the first byte, set for a revoked credential;
 * {@code encodedList} is the GZIP-compressed list in multibase base64url without padding ({@code u…}).
 */
final class BitstringStatusList {

    static final int SIZE = 131_072;

    private BitstringStatusList() {}

    static String encode(Collection<Integer> setIndexes) {
        byte[] bits = new byte[SIZE / 8];
        for (int index : setIndexes) {
            bits[index / 8] |= (byte) (0x80 >>> (index % 8));
        }
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(bits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(compressed.toByteArray());
    }
}
