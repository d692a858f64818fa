package fr.cqpi.evaluation;

import fr.cqpi.course.Actor;
import org.springframework.ui.Model;

/**
 * A panel of a learner's grid page that another module answers at its own URL (the open bloc's evidence, the
 * documents) or this one (the livret's signatures): written into the page as that URL would answer it, so the page
 * comes whole in one answer instead of loading each panel after it — each load a request of its own, two to three
 * milliseconds of the tool's CPU for a few hundred bytes. The panel's module checks the viewer's access as at its URL;
 * a refusal (access denied, nothing found) leaves the page its placeholder, loaded from that URL as before.
 */
public interface GridPanel {

    /** Where the panel goes in the page. */
    Slot slot();

    /**
     * Fills {@code model} as the panel's URL does for this viewer and returns its view ("template :: fragment");
     * {@code bloc} is the open bloc (the evidence's).
     */
    String view(Actor actor, String learnerSub, String bloc, Model model);

    enum Slot {
        OPEN_BLOC_EVIDENCE,
        DOCUMENTS,
        LIVRET
    }
}
