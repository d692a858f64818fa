package fr.cqpi.evaluation;

import fr.cqpi.lti.LaunchContext;
import fr.cqpi.shared.NotFoundException;
import fr.cqpi.shared.ViewHtml;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.ui.ExtendedModelMap;

/** The {@link GridPanel}s a grid page is written with; a panel left out (null) is loaded from its URL. */
@Component
class GridPanels {

    private static final Logger log = LoggerFactory.getLogger(GridPanels.class);

    private final List<GridPanel> panels;
    private final ViewHtml views;

    GridPanels(List<GridPanel> panels, ViewHtml views) {
        this.panels = panels;
        this.views = views;
    }

    /**
     * The panels' views and models for this viewer of this learner's grid, {@code bloc} open: their reads, made
     * inside the page's read transaction. A panel refused or failing is left out, to its placeholder.
     */
    Read read(LaunchContext launch, String learnerSub, String bloc) {
        List<Read.Panel> read = new ArrayList<>();
        for (GridPanel panel : panels) {
            // The page has no documents panel for a company tutor (grid.html).
            if (panel.slot() == GridPanel.Slot.DOCUMENTS && launch.isTutor()) {
                continue;
            }
            try {
                ExtendedModelMap model = new ExtendedModelMap();
                read.add(new Read.Panel(panel.slot(), panel.view(launch.actor(), learnerSub, bloc, model), model));
            } catch (AccessDeniedException | NotFoundException refused) {
                // Left to its placeholder: its own URL answers this viewer as it always did.
            } catch (RuntimeException failed) {
                notWritten(panel.slot(), failed);
            }
        }
        return new Read(read);
    }

    /** The panels read, written as markup by slot (after the transaction: no connection held while rendering). */
    Written write(Read read, HttpServletRequest request, HttpServletResponse response) {
        Map<GridPanel.Slot, String> html = new EnumMap<>(GridPanel.Slot.class);
        for (Read.Panel panel : read.panels()) {
            try {
                html.put(panel.slot(), views.render(panel.view(), panel.model(), request, response));
            } catch (RuntimeException failed) {
                notWritten(panel.slot(), failed);
            }
        }
        return new Written(
                html.get(GridPanel.Slot.OPEN_BLOC_EVIDENCE),
                html.get(GridPanel.Slot.DOCUMENTS),
                html.get(GridPanel.Slot.LIVRET));
    }

    // A panel that fails does not take the grid with it: its placeholder loads it, or says why.
    private static void notWritten(GridPanel.Slot slot, RuntimeException failed) {
        log.warn("Grid panel {} not written into the page; left to load from its URL", slot, failed);
    }

    /** The panels' views and models, to be written. */
    record Read(List<Panel> panels) {

        record Panel(GridPanel.Slot slot, String view, Map<String, Object> model) {}
    }

    /** Each slot's markup, or null where the page keeps the placeholder that loads it. */
    record Written(String evidence, String documents, String livret) {}
}
