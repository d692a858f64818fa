package fr.cqpi.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL server started when no {@code spring.datasource.url} is set.
 *
 * @param dir             data directory; kept between starts
 * @param port            TCP port on loopback, 0 for any free port
 * @param deleteOnClose   remove the data directory when the application stops (tests only)
 */
@ConfigurationProperties(EmbeddedDatabaseProperties.PREFIX)
public record EmbeddedDatabaseProperties(
        @DefaultValue("./data/pg") String dir,
        @DefaultValue("0") int port,
        @DefaultValue("false") boolean deleteOnClose) {

    static final String PREFIX = "cqpi.embedded-db";
}
