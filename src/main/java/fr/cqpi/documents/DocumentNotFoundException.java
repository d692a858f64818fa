package fr.cqpi.documents;

import fr.cqpi.shared.NotFoundException;

public class DocumentNotFoundException extends NotFoundException {

    public DocumentNotFoundException(String number) {
        super("no document " + number + " in this course");
    }
}
