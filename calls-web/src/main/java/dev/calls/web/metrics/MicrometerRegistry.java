package dev.calls.web.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

import jakarta.enterprise.inject.spi.CDI;

/**
 * The registry that WildFly's micrometer subsystem gives a deployment through CDI, which publishes what is
 * registered on it (Prometheus format on the management interface, or OTLP). The API comes from the
 * server's io.micrometer module at run time: the application carries no Micrometer jar and builds none
 * against it, so the few calls it needs are made by name. The deployment's registry forwards only the
 * registry's own shorthand methods (name, tags, source, function) to the server's registries — meters
 * built with Micrometer's builders would stay inside the deployment — so those are the ones used here.
 */
final class MicrometerRegistry {

    private static final String PACKAGE = "io.micrometer.core.instrument.";

    private final Object registry;
    private final Class<?> registryType;
    private final ClassLoader api;
    private final List<Object> registered = new ArrayList<>();

    private MicrometerRegistry(Object registry, Class<?> registryType) {
        this.registry = registry;
        this.registryType = registryType;
        this.api = registryType.getClassLoader();
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
    <T> void functionCounter(String name, T source, ToDoubleFunction<T> value, String... tags)
            throws ReflectiveOperationException {
        Object more = registryType.getMethod("more").invoke(registry);
        registered.add(moreType().getMethod("counter", String.class, Iterable.class, Object.class,
                ToDoubleFunction.class).invoke(more, name, tags(tags), source, value));
    }

    /** A gauge read from {@code source} at each scrape. */
    <T> void gauge(String name, T source, ToDoubleFunction<T> value, String... tags) throws ReflectiveOperationException {
        registryType.getMethod("gauge", String.class, Iterable.class, Object.class, ToDoubleFunction.class)
                .invoke(registry, name, tags(tags), source, value);
        registered.add(find(name, tags));
    }

    /** A timer of which count and total are known (Prometheus: {@code name_seconds_count} and {@code _sum}). */
    <T> void functionTimer(String name, T source, ToLongFunction<T> count, ToDoubleFunction<T> totalNanos)
            throws ReflectiveOperationException {
        Object more = registryType.getMethod("more").invoke(registry);
        registered.add(moreType().getMethod("timer", String.class, Iterable.class, Object.class,
                ToLongFunction.class, ToDoubleFunction.class, TimeUnit.class)
                .invoke(more, name, tags(), source, count, totalNanos, TimeUnit.NANOSECONDS));
    }

    /** Removes every meter registered here, so that a redeployment registers fresh ones. */
    void removeAll() {
        for (Object meter : registered) {
            try {
                registryType.getMethod("remove", Class.forName(PACKAGE + "Meter", true, api)).invoke(registry, meter);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // The registry is going away with the deployment; nothing left to clean.
            }
        }
        registered.clear();
    }

    /** The public type of {@code more()}: its implementation class may not be accessible. */
    private Class<?> moreType() throws ClassNotFoundException {
        return Class.forName(PACKAGE + "MeterRegistry$More", true, api);
    }

    private Object find(String name, String... tags) throws ReflectiveOperationException {
        Object search = registryType.getMethod("find", String.class).invoke(registry, name);
        search = search.getClass().getMethod("tags", String[].class).invoke(search, (Object) tags);
        return search.getClass().getMethod("meter").invoke(search);
    }

    private Object tags(String... keysAndValues) throws ReflectiveOperationException {
        return Class.forName(PACKAGE + "Tags", true, api).getMethod("of", String[].class).invoke(null, (Object) keysAndValues);
    }
}
