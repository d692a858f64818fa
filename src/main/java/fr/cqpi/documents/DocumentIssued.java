package fr.cqpi.documents;

import fr.cqpi.course.LearnerRef;

/** A candidate's document was issued; published in the transaction that stores it. */
public record DocumentIssued(
        long platformId, long courseId, LearnerRef learner, String learnerName, DocumentKind kind, String number) {}
