package fr.cqpi.course;

import java.time.Instant;

/** A platform's course as the tool knows it: its service endpoints and its grade-sync settings. */
public record Course(
        long id,
        long platformId,
        String agsLineItems,
        String nrpsUrl,
        boolean showProgressInGradebook,
        Instant rosterSyncedAt) {}
