package fr.cqpi.tutors;

/** No invitation of the evaluator's course has this id. */
public class InvitationNotFoundException extends RuntimeException {

    InvitationNotFoundException(String id) {
        super("no invitation " + id + " in this course");
    }
}
