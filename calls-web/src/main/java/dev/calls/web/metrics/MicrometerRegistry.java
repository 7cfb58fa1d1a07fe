package dev.calls.web.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * The registry that WildFly's micrometer subsystem gives a deployment through CDI, which publishes what is
 * registered on it (Prometheus format on the management interface, or OTLP). The API is the server's: the
 * subsystem adds its io.micrometer module to every deployment, and the application carries no Micrometer jar.
 * The deployment's registry forwards only the registry's own shorthand methods (name, tags, source, function)
 * to the server's registries — meters built with Micrometer's builders would stay inside the deployment — so
 * those are the ones used here. Only this class names Micrometer types, so the CDI beans still load on a
 * server without the subsystem, where the API is not visible.
 */
final class MicrometerRegistry {

    private final MeterRegistry registry;
    private final List<Meter> registered = new ArrayList<>();

    private MicrometerRegistry(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * The deployment's registry, or null when the subsystem offers none.
     *
     * @throws NoClassDefFoundError when the server has no micrometer subsystem, so no Micrometer API either
     */
    static MicrometerRegistry lookup() {
        Instance<MeterRegistry> registry = CDI.current().select(MeterRegistry.class);
        return registry.isResolvable() ? new MicrometerRegistry(registry.get()) : null;
    }

    /** A counter whose value is read from {@code source} at each scrape (Prometheus: {@code name_total}). */
    <T> void functionCounter(String name, T source, ToDoubleFunction<T> value, String... tags) {
        registered.add(registry.more().counter(name, Tags.of(tags), source, value));
    }

    /** A gauge read from {@code source} at each scrape. */
    <T> void gauge(String name, T source, ToDoubleFunction<T> value, String... tags) {
        registry.gauge(name, Tags.of(tags), source, value);
        // gauge() returns the source, not the meter: look the meter up to remove it later.
        registered.add(registry.find(name).tags(tags).meter());
    }

    /** A timer of which count and total are known (Prometheus: {@code name_seconds_count} and {@code _sum}). */
    <T> void functionTimer(String name, T source, ToLongFunction<T> count, ToDoubleFunction<T> totalNanos) {
        registered.add(registry.more().timer(name, Tags.empty(), source, count, totalNanos, TimeUnit.NANOSECONDS));
    }

    /** Removes every meter registered here, so that a redeployment registers fresh ones. */
    void removeAll() {
        for (Meter meter : registered) {
            if (meter != null) {
                registry.remove(meter);
            }
        }
        registered.clear();
    }
}
