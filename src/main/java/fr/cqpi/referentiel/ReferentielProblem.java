package fr.cqpi.referentiel;

/** One fault in a référentiel file, at a JSON path such as {@code $.blocs[0].competences[1].title}. */
public record ReferentielProblem(String jsonPath, String message) {

    @Override
    public String toString() {
        return jsonPath + ": " + message;
    }
}
