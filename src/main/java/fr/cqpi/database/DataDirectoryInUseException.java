package fr.cqpi.database;

import java.nio.file.Path;

/** Another running instance already owns the embedded database's data directory. */
public class DataDirectoryInUseException extends RuntimeException {

    public DataDirectoryInUseException(Path dataDirectory) {
        super(
                "The embedded PostgreSQL data directory " + dataDirectory.toAbsolutePath()
                        + " is already in use by another cqpi-lti instance. Stop that instance, or start this one with"
                        + " --cqpi.embedded-db.dir=<another directory>, or point spring.datasource.url at a shared PostgreSQL.");
    }
}
