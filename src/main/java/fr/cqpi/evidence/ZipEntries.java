package fr.cqpi.evidence;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the entry names of a ZIP held in memory from its central directory, without inflating anything. */
final class ZipEntries {

    private static final int END_OF_DIRECTORY = 0x06054b50;
    private static final int DIRECTORY_ENTRY = 0x02014b50;
    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int MAX_ENTRIES = 100_000;

    private ZipEntries() {}

    /** The names of the entries; empty when the central directory cannot be read. */
    static List<String> names(byte[] zip) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int end = -1;
        for (int i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--) {
            if (b.getInt(i) == END_OF_DIRECTORY) {
                end = i;
                break;
            }
        }
        List<String> names = new ArrayList<>();
        if (end < 0) {
            return names;
        }
        int count = Short.toUnsignedInt(b.getShort(end + 10));
        long offset = Integer.toUnsignedLong(b.getInt(end + 16));
        int p = (int) Math.min(offset, Integer.MAX_VALUE);
        for (int n = 0; n < Math.min(count, MAX_ENTRIES); n++) {
            if (p < 0 || p + 46 > zip.length || b.getInt(p) != DIRECTORY_ENTRY) {
                return names;
            }
            int nameLength = Short.toUnsignedInt(b.getShort(p + 28));
            int extraLength = Short.toUnsignedInt(b.getShort(p + 30));
            int commentLength = Short.toUnsignedInt(b.getShort(p + 32));
            if (p + 46 + nameLength > zip.length) {
                return names;
            }
            names.add(new String(zip, p + 46, nameLength, StandardCharsets.UTF_8));
            p += 46 + nameLength + extraLength + commentLength;
        }
        return names;
    }

    /** The content of the first entry when it has this name and is stored uncompressed (at most max bytes). */
    static Optional<String> storedFirstEntry(byte[] zip, String name, int max) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        if (zip.length < 30 || b.getInt(0) != LOCAL_HEADER || b.getShort(8) != 0) {
            return Optional.empty();
        }
        int size = b.getInt(18);
        int nameLength = Short.toUnsignedInt(b.getShort(26));
        int extraLength = Short.toUnsignedInt(b.getShort(28));
        byte[] expected = name.getBytes(StandardCharsets.UTF_8);
        int start = 30 + nameLength + extraLength;
        if (nameLength != expected.length
                || start > zip.length
                || !new String(zip, 30, nameLength, StandardCharsets.UTF_8).equals(name)
                || size <= 0
                || size > max
                || start + size > zip.length) {
            return Optional.empty();
        }
        return Optional.of(new String(zip, start, size, StandardCharsets.US_ASCII));
    }
}
