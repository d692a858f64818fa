package fr.cqpi.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.course.Actor;
import fr.cqpi.course.ToolRole;
import fr.cqpi.lti.LaunchContext;
import fr.cqpi.shared.ViewHtml;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;

/** A panel refused or failing is left to its placeholder: the grid page is written without it, never lost to it. */
class GridPanelsFallbackTest {

    static GridPanel throwing(GridPanel.Slot slot, RuntimeException thrown) {
        return new GridPanel() {
            @Override
            public Slot slot() {
                return slot;
            }

            @Override
            public String view(Actor actor, String learnerSub, String bloc, Model model) {
                throw thrown;
            }
        };
    }

    static LaunchContext launch(ToolRole role) {
        Actor actor = new Actor(1, 2L, 3, "someone", "Someone", role);
        return LaunchContext.outsideLms(actor, "Course", null, "fr", Instant.now());
    }

    @Test
    void aRefusedOrFailingPanelIsLeftToItsPlaceholder() {
        GridPanels panels = new GridPanels(
                List.of(
                        throwing(GridPanel.Slot.OPEN_BLOC_EVIDENCE, new AccessDeniedException("not theirs")),
                        throwing(GridPanel.Slot.DOCUMENTS, new LearnerNotFoundException("nobody")),
                        throwing(GridPanel.Slot.LIVRET, new IllegalStateException("a bug"))),
                null);
        GridPanels.Read read = panels.read(launch(ToolRole.EVALUATOR), "learner", "B1");
        assertThat(read.panels()).isEmpty();
        GridPanels.Written written = panels.write(
                read, new MockHttpServletRequest("GET", "/app/learners/learner"), new MockHttpServletResponse());
        assertThat(written).isEqualTo(new GridPanels.Written(null, null, null));
    }

    @Test
    void aCompanyTutorsDocumentsPanelIsNotEvenAskedFor() {
        GridPanel documents = new GridPanel() {
            @Override
            public Slot slot() {
                return Slot.DOCUMENTS;
            }

            @Override
            public String view(Actor actor, String learnerSub, String bloc, Model model) {
                throw new AssertionError("a tutor's documents panel was asked for");
            }
        };
        GridPanels panels = new GridPanels(List.of(documents), null);
        assertThat(panels.read(launch(ToolRole.TUTOR), "learner", "B1").panels())
                .isEmpty();
    }

    @Test
    void aPanelThatFailsToRenderIsLeftToItsPlaceholder() {
        GridPanel livret = new GridPanel() {
            @Override
            public Slot slot() {
                return Slot.LIVRET;
            }

            @Override
            public String view(Actor actor, String learnerSub, String bloc, Model model) {
                model.addAttribute("signatures", List.of());
                return "evaluation/livret-signatures :: panel";
            }
        };
        ViewHtml views = Mockito.mock(ViewHtml.class);
        Mockito.when(views.render(Mockito.any(), Mockito.any(), Mockito.any(), Mockito.any()))
                .thenThrow(new IllegalStateException("a template error"));
        GridPanels panels = new GridPanels(List.of(livret), views);
        GridPanels.Read read = panels.read(launch(ToolRole.EVALUATOR), "learner", "B1");
        assertThat(read.panels()).hasSize(1);
        assertThat(panels.write(read, new MockHttpServletRequest("GET", "/"), new MockHttpServletResponse()))
                .isEqualTo(new GridPanels.Written(null, null, null));
    }
}
