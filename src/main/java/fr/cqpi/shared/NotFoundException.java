package fr.cqpi.shared;

/**
 * Nothing of that kind with that id where the person acts (their course, the learner's file), whatever exists
 * elsewhere: the API answers 404 with the message as detail, a page answers its 404 page. Each module names its own
 * kind so that a caller can tell them apart.
 */
public abstract class NotFoundException extends RuntimeException {

    protected NotFoundException(String message) {
        super(message);
    }
}
