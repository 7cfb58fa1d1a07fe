package dev.calls.web.metrics;

import dev.calls.media.api.EngineStats;
import dev.calls.ejb.media.MediaGateway;

/**
 * The engine's counters, asked for at most once a second: one scrape reads some twenty meters, and each
 * would otherwise take a connection and sum the engine's counters anew.
 */
final class StatsSnapshot {

    private static final long MAX_AGE_NANOS = 1_000_000_000L;

    private final MediaGateway media;
    private volatile EngineStats stats;
    private volatile long takenAt;

    StatsSnapshot(MediaGateway media) {
        this.media = media;
    }

    EngineStats get() {
        long now = System.nanoTime();
        EngineStats current = stats;
        if (current == null || now - takenAt > MAX_AGE_NANOS) {
            current = media.stats();
            stats = current;
            takenAt = now;
        }
        return current;
    }
}
