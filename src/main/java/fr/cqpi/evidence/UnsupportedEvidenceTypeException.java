package fr.cqpi.evidence;

/** A file whose content is none of the accepted kinds, whatever its name or declared type. Nothing is stored. */
public class UnsupportedEvidenceTypeException extends RuntimeException {

    public UnsupportedEvidenceTypeException() {
        super("the file is not a PDF, a PNG or JPEG image, nor a Word, Excel, PowerPoint or OpenDocument file"
                + " (its content was read, not its name)");
    }
}
