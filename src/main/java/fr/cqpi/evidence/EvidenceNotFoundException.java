package fr.cqpi.evidence;

/** No such evidence in this learner's file (or it was withdrawn). */
public class EvidenceNotFoundException extends RuntimeException {

    public EvidenceNotFoundException(long id) {
        super("no evidence " + id + " in this learner's file");
    }
}
