package fr.cqpi.referentiel;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A certification's référentiel: its blocs, compétences and observable criteria, and how results follow. */
public record Referentiel(
        String code,
        String title,
        String qualificationType,
        String certifyingBody,
        String certifyingBodyFullName,
        List<String> description,
        Activities activities,
        List<RomeCode> romeCodes,
        List<String> conditionsExercice,
        ResultRules rules,
        List<Bloc> blocs) {

    public record Activities(String introduction, List<ActivityGroup> groups) {}

    public record ActivityGroup(String title, List<String> items) {}

    public record RomeCode(String code, String label) {}

    public record Bloc(String code, String title, List<Modality> modalities, List<Competence> competences) {

        public Stream<Criterion> criteria() {
            return competences.stream().flatMap(c -> c.criteria().stream());
        }

        public Optional<Modality> modality(String code) {
            return modalities.stream().filter(m -> m.code().equals(code)).findFirst();
        }

        /** Whether the candidate writes a document this bloc is evaluated on (and may attach it). */
        public boolean takesCandidateDocument() {
            return modalities.stream().anyMatch(Modality::candidateWrites);
        }

        /** The label the référentiel gives a modality of this bloc (its code when it is not one of them). */
        public String modalityLabel(String code) {
            return modality(code).map(Modality::label).orElse(code);
        }
    }

    /**
     * A way a bloc is evaluated; {@code candidateWrites} when the candidate writes a document for it (bloc 3's
     * written document): the learner may then attach it to the bloc as evidence.
     */
    public record Modality(String code, String label, List<String> topics, boolean candidateWrites) {}

    public record Competence(String code, String title, List<Criterion> criteria) {}

    public record Criterion(String code, String text) {}

    public Stream<Competence> competences() {
        return blocs.stream().flatMap(b -> b.competences().stream());
    }

    public Stream<Criterion> criteria() {
        return blocs.stream().flatMap(Bloc::criteria);
    }

    public Optional<Bloc> bloc(String code) {
        return blocs.stream().filter(b -> b.code().equals(code)).findFirst();
    }

    public Optional<Criterion> criterion(String code) {
        return criteria().filter(c -> c.code().equals(code)).findFirst();
    }

    public Optional<Competence> competence(String code) {
        return competences().filter(c -> c.code().equals(code)).findFirst();
    }

    public Optional<Competence> competenceOfCriterion(String criterionCode) {
        return competences()
                .filter(c -> c.criteria().stream().anyMatch(k -> k.code().equals(criterionCode)))
                .findFirst();
    }

    public Optional<Bloc> blocOfCompetence(String competenceCode) {
        return blocs.stream()
                .filter(b -> b.competences().stream().anyMatch(c -> c.code().equals(competenceCode)))
                .findFirst();
    }

    /** The bloc that holds a criterion, by the criterion's code. */
    /** The label of a modality of the bloc a criterion belongs to (the code itself when unknown). */
    public String modalityLabel(String criterionCode, String modalityCode) {
        return blocOfCriterion(criterionCode)
                .map(b -> b.modalityLabel(modalityCode))
                .orElse(modalityCode);
    }

    public Optional<Bloc> blocOfCriterion(String criterionCode) {
        return blocs.stream()
                .filter(b -> b.criteria().anyMatch(c -> c.code().equals(criterionCode)))
                .findFirst();
    }
}
