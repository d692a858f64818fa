package fr.cqpi.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Without {@code spring.datasource.url} the application runs its own PostgreSQL, so that a fresh
 * machine needs no database server. With it, Spring Boot's usual DataSource is used and this is skipped.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    /** Started at the beginning of the refresh (see there); static, as every bean factory post-processor. */
    @Bean
    static EmbeddedPostgresEarlyStart embeddedPostgresEarlyStart() {
        return new EmbeddedPostgresEarlyStart();
    }

    /** Stopped by {@link EmbeddedPostgresEarlyStart}, after the beans that use it. */
    @Bean(destroyMethod = "")
    EmbeddedPostgresServer embeddedPostgresServer(EmbeddedPostgresEarlyStart earlyStart) {
        return earlyStart.server();
    }

    /** Pool settings still come from {@code spring.datasource.hikari.*}. */
    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresServer server) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("cqpi-embedded");
        dataSource.setJdbcUrl(server.jdbcUrl());
        dataSource.setUsername(server.username());
        dataSource.setPassword(server.password());
        return dataSource;
    }
}
