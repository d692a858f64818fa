package fr.cqpi.jury;

/** The votes of the members who vote, for the recorded outcome, against it, abstaining. */
public record Vote(int forIt, int against, int abstention) {

    public int cast() {
        return forIt + against + abstention;
    }

    /** A majority of the votes expressed (abstentions not counted) is for the outcome. */
    public boolean carries() {
        return forIt > against;
    }
}
