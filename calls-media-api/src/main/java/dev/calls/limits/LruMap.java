package dev.calls.limits;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map that holds at most {@code capacity} entries and forgets the least recently used one past it, so a
 * tracker keyed by what clients send (addresses, names) has bounded memory however many keys they invent.
 * Not thread-safe: its owner synchronizes.
 */
public final class LruMap<K, V> extends LinkedHashMap<K, V> {

    private static final long serialVersionUID = 1L;

    private final int capacity;

    public LruMap(int capacity) {
        super(16, 0.75f, true);
        this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
    }
}
