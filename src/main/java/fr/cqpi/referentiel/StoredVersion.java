package fr.cqpi.referentiel;

/** Where a référentiel file ended up in the database. */
public record StoredVersion(long id, String code, int version, boolean created) {}
