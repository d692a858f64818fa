package fr.cqpi.tutors;

import fr.cqpi.shared.NotFoundException;

/** No invitation of the evaluator's course has this id. */
public class InvitationNotFoundException extends NotFoundException {

    InvitationNotFoundException(String id) {
        super("no invitation " + id + " in this course");
    }
}
