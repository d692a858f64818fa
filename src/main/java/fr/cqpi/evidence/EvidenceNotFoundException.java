package fr.cqpi.evidence;

import fr.cqpi.shared.NotFoundException;

/** No such evidence in this learner's file (or it was withdrawn). */
public class EvidenceNotFoundException extends NotFoundException {

    public EvidenceNotFoundException(long id) {
        super("no evidence " + id + " in this learner's file");
    }
}
