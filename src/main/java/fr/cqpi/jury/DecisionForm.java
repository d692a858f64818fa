package fr.cqpi.jury;

/** What the decision form of the jury page sends, as typed: shown again with the reason when the jury refuses it. */
record DecisionForm(
        String learnerId,
        String blocCode,
        String outcome,
        String votesFor,
        String votesAgainst,
        String votesAbstention,
        String reason,
        String preconisations,
        String recoursId,
        Boolean castingVote) {

    /** An unticked box sends nothing. */
    DecisionForm {
        castingVote = Boolean.TRUE.equals(castingVote);
    }

    JuryInputs.Decide inputs() {
        return new JuryInputs.Decide(
                learnerId,
                blocCode,
                outcome,
                number(votesFor),
                number(votesAgainst),
                number(votesAbstention),
                reason,
                preconisations,
                recours(recoursId),
                castingVote);
    }

    private static Integer number(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** No recours, or its id; an unreadable one is an id no recours has (the jury refuses it, naming the field). */
    private static Long recours(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Integer id = number(value);
        return id == null ? -1L : id.longValue();
    }
}
