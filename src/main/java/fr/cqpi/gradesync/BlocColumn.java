package fr.cqpi.gradesync;

import fr.cqpi.referentiel.Referentiel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bloc's gradebook column as the tool defines it, wherever it is created: by the tool through AGS, or by the
 * platform from a deep-linking content item. Scores are percentages; the tag and resourceId let the tool find
 * its columns again.
 */
public record BlocColumn(String label, int scoreMaximum, String resourceId, String tag) {

    public static final String TAG = "cqpi-bloc";
    public static final int SCORE_MAXIMUM = 100;

    public static BlocColumn of(Referentiel.Bloc bloc) {
        return new BlocColumn(bloc.code() + " — " + bloc.title(), SCORE_MAXIMUM, bloc.code(), TAG);
    }

    /** The {@code lineItem} of a deep-linking {@code ltiResourceLink} content item (a JWT claim: plain maps). */
    public Map<String, Object> asDeepLinkingLineItem() {
        Map<String, Object> lineItem = new LinkedHashMap<>();
        lineItem.put("label", label);
        lineItem.put("scoreMaximum", scoreMaximum);
        lineItem.put("resourceId", resourceId);
        lineItem.put("tag", tag);
        return lineItem;
    }
}
