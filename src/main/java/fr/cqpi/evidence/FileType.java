package fr.cqpi.evidence;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of file accepted as evidence, recognised by their content (signature, and for office documents the
 * entries of the ZIP container), never by the name or the declared type.
 */
public enum FileType {
    PDF("application/pdf", "pdf", "PDF"),
    PNG("image/png", "png", "PNG"),
    JPEG("image/jpeg", "jpg", "JPEG"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", "Word"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", "Excel"),
    PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx", "PowerPoint"),
    ODT("application/vnd.oasis.opendocument.text", "odt", "OpenDocument texte"),
    ODS("application/vnd.oasis.opendocument.spreadsheet", "ods", "OpenDocument classeur"),
    ODP("application/vnd.oasis.opendocument.presentation", "odp", "OpenDocument présentation");

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private final String contentType;
    private final String extension;
    private final String label;

    FileType(String contentType, String extension, String label) {
        this.contentType = contentType;
        this.extension = extension;
        this.label = label;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    public String label() {
        return label;
    }

    public static Optional<FileType> ofContentType(String contentType) {
        return Arrays.stream(values())
                .filter(t -> t.contentType.equals(contentType))
                .findFirst();
    }

    /** What the bytes are, if they are one of the accepted kinds. */
    public static Optional<FileType> detect(byte[] bytes) {
        if (startsWith(bytes, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (startsWith(bytes, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(bytes, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, ZIP_MAGIC)) {
            return office(bytes);
        }
        return Optional.empty();
    }

    /**
     * An OpenDocument file starts with its stored, uncompressed {@code mimetype} entry; an Office Open XML file has
     * {@code [Content_Types].xml} and its main part. Only names are read (the central directory): nothing is
     * inflated, so a ZIP bomb costs nothing.
     */
    private static Optional<FileType> office(byte[] bytes) {
        Optional<String> odf = ZipEntries.storedFirstEntry(bytes, "mimetype", 100);
        if (odf.isPresent()) {
            return Arrays.stream(new FileType[] {ODT, ODS, ODP})
                    .filter(t -> t.contentType.equals(odf.get()))
                    .findFirst();
        }
        List<String> names = ZipEntries.names(bytes);
        Set<String> set = Set.copyOf(names);
        if (!set.contains("[Content_Types].xml")) {
            return Optional.empty();
        }
        if (set.contains("word/document.xml")) {
            return Optional.of(DOCX);
        }
        if (set.contains("xl/workbook.xml")) {
            return Optional.of(XLSX);
        }
        if (set.contains("ppt/presentation.xml")) {
            return Optional.of(PPTX);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
