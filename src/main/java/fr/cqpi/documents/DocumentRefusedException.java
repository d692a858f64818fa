package fr.cqpi.documents;

import fr.cqpi.shared.RefusedException;

/**
 * The document cannot be issued in the current state of the file (e.g. a certificate before four VALIDE, or while a
 * recours is pending): {@link #reason()} is a stable word for it, e.g. {@code blocs_not_all_validated}.
 */
public class DocumentRefusedException extends RefusedException {

    public DocumentRefusedException(String reason, String message, Object... args) {
        super(reason, message, args);
    }
}
