package fr.cqpi.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements that request-handling threads prepare, to catch N+1 queries, and the commits and
 * rollbacks they end transactions with (each one more round trip to PostgreSQL).
 */
public final class StatementCounter {

    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final AtomicInteger TRANSACTION_ENDS = new AtomicInteger();
    private static final List<String> STATEMENTS = new ArrayList<>();

    private StatementCounter() {}

    public static void reset() {
        COUNT.set(0);
        TRANSACTION_ENDS.set(0);
        synchronized (STATEMENTS) {
            STATEMENTS.clear();
        }
    }

    public static int count() {
        return COUNT.get();
    }

    /** Statements plus explicit commits and rollbacks: the round trips to PostgreSQL. */
    public static int roundTrips() {
        return COUNT.get() + TRANSACTION_ENDS.get();
    }

    /** The statements counted since the last reset, each as its first words. */
    public static List<String> statements() {
        synchronized (STATEMENTS) {
            return List.copyOf(STATEMENTS);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        static BeanPostProcessor countingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof DataSource dataSource && !(Proxy.isProxyClass(bean.getClass()))) {
                        return Proxy.newProxyInstance(
                                DataSource.class.getClassLoader(),
                                new Class<?>[] {DataSource.class},
                                forward(dataSource, true));
                    }
                    return bean;
                }
            };
        }
    }

    private static InvocationHandler forward(Object target, boolean isDataSource) {
        return (proxy, method, args) -> {
            try {
                Object result = method.invoke(target, args);
                if (isDataSource && result instanceof Connection connection) {
                    return Proxy.newProxyInstance(
                            Connection.class.getClassLoader(),
                            new Class<?>[] {Connection.class},
                            forward(connection, false));
                }
                if (!isDataSource
                        && (method.getName().equals("prepareStatement")
                                || method.getName().equals("createStatement")
                                || method.getName().equals("prepareCall"))
                        && Thread.currentThread().getName().startsWith("http-")) {
                    COUNT.incrementAndGet();
                    if (args != null && args.length > 0 && args[0] instanceof String sql) {
                        String flat = sql.strip().replaceAll("\\s+", " ");
                        synchronized (STATEMENTS) {
                            STATEMENTS.add(flat.substring(0, Math.min(flat.length(), 90)));
                        }
                    }
                }
                if (!isDataSource
                        && (method.getName().equals("commit")
                                || method.getName().equals("rollback"))
                        && Thread.currentThread().getName().startsWith("http-")) {
                    TRANSACTION_ENDS.incrementAndGet();
                }
                return result;
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
    }
}
