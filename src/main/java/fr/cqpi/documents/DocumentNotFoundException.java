package fr.cqpi.documents;

public class DocumentNotFoundException extends RuntimeException {

    public DocumentNotFoundException(String number) {
        super("no document " + number + " in this course");
    }
}
