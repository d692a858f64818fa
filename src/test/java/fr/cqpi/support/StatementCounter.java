package fr.cqpi.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Counts the SQL statements that request-handling threads prepare, to catch N+1 queries. */
public final class StatementCounter {

    private static final AtomicInteger COUNT = new AtomicInteger();

    private StatementCounter() {}

    public static void reset() {
        COUNT.set(0);
    }

    public static int count() {
        return COUNT.get();
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
                }
                return result;
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
    }
}
