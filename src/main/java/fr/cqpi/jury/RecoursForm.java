package fr.cqpi.jury;

/** What the recours form of the jury page sends, as typed. */
record RecoursForm(String learnerId, String blocCode, String filedOn, String grounds) {

    JuryInputs.FileRecours inputs() {
        return new JuryInputs.FileRecours(blocCode, filedOn, grounds);
    }
}
