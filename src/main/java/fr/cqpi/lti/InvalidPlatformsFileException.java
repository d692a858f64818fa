package fr.cqpi.lti;

/** A platforms file that cannot be imported; the message names the file, the entry and the field. */
public class InvalidPlatformsFileException extends RuntimeException {

    public InvalidPlatformsFileException(String message) {
        super(message);
    }
}
