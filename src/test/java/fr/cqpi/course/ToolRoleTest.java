package fr.cqpi.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ToolRoleTest {

    static final String MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership";

    @Test
    void teachingRolesEvaluate() {
        assertThat(ToolRole.of(List.of(MEMBERSHIP + "#Instructor"))).isEqualTo(ToolRole.EVALUATOR);
        assertThat(ToolRole.of(List.of(MEMBERSHIP + "/Instructor#TeachingAssistant")))
                .isEqualTo(ToolRole.EVALUATOR);
        assertThat(ToolRole.of(List.of(MEMBERSHIP + "#ContentDeveloper"))).isEqualTo(ToolRole.EVALUATOR);
        assertThat(ToolRole.of(List.of("http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator")))
                .isEqualTo(ToolRole.EVALUATOR);
        assertThat(ToolRole.of(List.of("Instructor"))).isEqualTo(ToolRole.EVALUATOR);
    }

    @Test
    void institutionRolesGiveNoCourseRights() {
        String institution = "http://purl.imsglobal.org/vocab/lis/v2/institution/person";
        assertThat(ToolRole.of(
                        List.of(MEMBERSHIP + "#Learner", institution + "#Instructor", institution + "#Administrator")))
                .isEqualTo(ToolRole.LEARNER);
        assertThat(ToolRole.of(
                        List.of(institution + "#Faculty", "http://purl.imsglobal.org/vocab/lis/v2/system/person#User")))
                .isEqualTo(ToolRole.GUEST);
    }

    @Test
    void anEvaluatingRoleWinsOverLearner() {
        assertThat(ToolRole.of(List.of(MEMBERSHIP + "#Learner", MEMBERSHIP + "#Instructor")))
                .isEqualTo(ToolRole.EVALUATOR);
        assertThat(ToolRole.includesLearner(List.of(MEMBERSHIP + "#Learner", MEMBERSHIP + "#Instructor")))
                .isTrue();
    }

    @Test
    void aMentorIsATutorUnlessAlsoAnEvaluator() {
        assertThat(ToolRole.of(List.of(MEMBERSHIP + "#Mentor"))).isEqualTo(ToolRole.TUTOR);
        assertThat(ToolRole.of(List.of(MEMBERSHIP + "/Mentor#Mentor"))).isEqualTo(ToolRole.TUTOR);
        assertThat(ToolRole.of(List.of(MEMBERSHIP + "#Learner", MEMBERSHIP + "#Mentor")))
                .isEqualTo(ToolRole.TUTOR);
        assertThat(ToolRole.of(List.of(MEMBERSHIP + "#Mentor", MEMBERSHIP + "#Instructor")))
                .isEqualTo(ToolRole.EVALUATOR);
        assertThat(ToolRole.of(List.of("http://purl.imsglobal.org/vocab/lis/v2/institution/person#Mentor")))
                .isEqualTo(ToolRole.GUEST);
    }

    @Test
    void learnersSeeTheirGridOthersAreGuests() {
        assertThat(ToolRole.of(List.of(MEMBERSHIP + "#Learner"))).isEqualTo(ToolRole.LEARNER);
        assertThat(ToolRole.of(List.of(MEMBERSHIP + "/Learner#Learner"))).isEqualTo(ToolRole.LEARNER);
        assertThat(ToolRole.of(List.of(MEMBERSHIP + "#Observer"))).isEqualTo(ToolRole.GUEST);
        assertThat(ToolRole.of(List.of())).isEqualTo(ToolRole.GUEST);
        assertThat(ToolRole.of(List.of(""))).isEqualTo(ToolRole.GUEST);
    }

    @Test
    void aNameUnderAnUnknownVocabularyIsNotTrusted() {
        assertThat(ToolRole.of(List.of("http://example.org/roles#Instructor"))).isEqualTo(ToolRole.GUEST);
        assertThat(ToolRole.of(List.of("http://example.org/Instructor"))).isEqualTo(ToolRole.GUEST);
        assertThat(ToolRole.includesLearner(List.of("http://example.org/roles#Learner")))
                .isFalse();
    }
}
