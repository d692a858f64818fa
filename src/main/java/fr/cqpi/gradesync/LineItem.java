package fr.cqpi.gradesync;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * An AGS line item ({@code application/vnd.ims.lis.v2.lineitem+json}), as sent to create one and as read from a
 * container; {@code id} is its URL (absent when creating).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
record LineItem(
        String id, String label, BigDecimal scoreMaximum, String resourceId, String tag, String resourceLinkId) {

    static final String MEDIA_TYPE = "application/vnd.ims.lis.v2.lineitem+json";
    static final String CONTAINER = "application/vnd.ims.lis.v2.lineitemcontainer+json";

    static LineItem toCreate(BlocColumn column, String resourceLinkId) {
        return new LineItem(
                null,
                column.label(),
                BigDecimal.valueOf(column.scoreMaximum()),
                column.resourceId(),
                column.tag(),
                resourceLinkId);
    }
}
