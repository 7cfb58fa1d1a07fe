package dev.calls.web.metrics;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

import jakarta.enterprise.inject.spi.CDI;

/**
 * The server's Micrometer registry, which WildFly's micrometer subsystem gives deployments through CDI and
 * publishes (Prometheus format on the management interface, or OTLP). The API comes from the server's
 * io.micrometer module at run time: the application carries no Micrometer jar and builds none against it,
 * so the few builder calls it needs are made by name. Absent when the subsystem is not configured.
 */
final class MicrometerRegistry {

    private static final String PACKAGE = "io.micrometer.core.instrument.";

    private final Object registry;
    private final Class<?> registryType;
    private final List<Object> registered = new ArrayList<>();

    private MicrometerRegistry(Object registry, Class<?> registryType) {
        this.registry = registry;
        this.registryType = registryType;
    }

    /** The deployment's registry, or null when the server offers none (no micrometer subsystem). */
    static MicrometerRegistry lookup() {
        try {
            Class<?> type = Class.forName(PACKAGE + "MeterRegistry", true, MicrometerRegistry.class.getClassLoader());
            return new MicrometerRegistry(CDI.current().select(type).get(), type);
        } catch (ClassNotFoundException | RuntimeException e) {
            return null;
        }
    }

    /** A counter whose value is read from {@code source} at each scrape (Prometheus: {@code name_total}). */
    <T> void functionCounter(String name, String description, String baseUnit, T source, ToDoubleFunction<T> value,
            String... tags) throws ReflectiveOperationException {
        Object builder = call(PACKAGE + "FunctionCounter", "builder", new Class<?>[] {String.class, Object.class,
                ToDoubleFunction.class}, name, source, value);
        register(describe(builder, description, baseUnit, tags));
    }

    /** A gauge read from {@code source} at each scrape. */
    <T> void gauge(String name, String description, String baseUnit, T source, ToDoubleFunction<T> value,
            String... tags) throws ReflectiveOperationException {
        Object builder = call(PACKAGE + "Gauge", "builder", new Class<?>[] {String.class, Object.class,
                ToDoubleFunction.class}, name, source, value);
        register(describe(builder, description, baseUnit, tags));
    }

    /** A timer of which only count and total are known (Prometheus: {@code name_seconds_count} and {@code _sum}). */
    <T> void functionTimer(String name, String description, T source, ToLongFunction<T> count,
            ToDoubleFunction<T> totalNanos) throws ReflectiveOperationException {
        Object builder = call(PACKAGE + "FunctionTimer", "builder", new Class<?>[] {String.class, Object.class,
                ToLongFunction.class, ToDoubleFunction.class, TimeUnit.class}, name, source, count, totalNanos,
                TimeUnit.NANOSECONDS);
        builder.getClass().getMethod("description", String.class).invoke(builder, description);
        register(builder);
    }

    /** Removes every meter registered here, so that a redeployment registers fresh ones. */
    void removeAll() {
        for (Object meter : registered) {
            try {
                registryType.getMethod("remove", Class.forName(PACKAGE + "Meter", true, registryType.getClassLoader()))
                        .invoke(registry, meter);
            } catch (ReflectiveOperationException e) {
                // The registry is going away with the server; nothing left to clean.
            }
        }
        registered.clear();
    }

    private static Object describe(Object builder, String description, String baseUnit, String... tags)
            throws ReflectiveOperationException {
        builder.getClass().getMethod("description", String.class).invoke(builder, description);
        if (baseUnit != null) {
            builder.getClass().getMethod("baseUnit", String.class).invoke(builder, baseUnit);
        }
        builder.getClass().getMethod("tags", String[].class).invoke(builder, (Object) tags);
        return builder;
    }

    private void register(Object builder) throws ReflectiveOperationException {
        Method register = builder.getClass().getMethod("register", registryType);
        registered.add(register.invoke(builder, registry));
    }

    private Object call(String type, String method, Class<?>[] parameters, Object... arguments)
            throws ReflectiveOperationException {
        try {
            return Class.forName(type, true, registryType.getClassLoader()).getMethod(method, parameters)
                    .invoke(null, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof ReflectiveOperationException cause ? cause : e;
        }
    }
}
