package dev.calls.web.signaling;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * How many actions the server refused over the WebSocket since it started, by the error id of the FAIL reply
 * ({@code bad_frame}, {@code rate_limited}, {@code session_not_found}, …), for the admin's stats: a client
 * probing other users' sessions or flooding malformed frames shows here. The ids are the server's own, so
 * they are few; should a later one bring more than {@link #MAX_IDS}, the rest are counted as {@code other}.
 */
@ApplicationScoped
public class SignalingRefusals {

    static final int MAX_IDS = 64;
    static final String OTHER = "other";

    private final Map<String, LongAdder> byId = new ConcurrentHashMap<>();

    /** One FAIL reply with this error id. */
    public void count(String id) {
        LongAdder counter = byId.get(id);
        if (counter == null) {
            counter = byId.size() < MAX_IDS ? byId.computeIfAbsent(id, key -> new LongAdder())
                    : byId.computeIfAbsent(OTHER, key -> new LongAdder());
        }
        counter.increment();
    }

    /** The counts so far, by error id in alphabetical order. */
    public SortedMap<String, Long> counts() {
        SortedMap<String, Long> counts = new TreeMap<>();
        byId.forEach((id, counter) -> counts.put(id, counter.sum()));
        return counts;
    }
}
