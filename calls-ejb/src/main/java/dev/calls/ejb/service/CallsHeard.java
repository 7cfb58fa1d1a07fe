package dev.calls.ejb.service;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which running calls were heard since their last-seen time was last written, so that the heartbeat writes
 * only those: a call whose media went quiet costs no write, and at most one row per running call is due per
 * beat, however many packets arrived. Not thread-safe: the heartbeat, a singleton, is its one user.
 */
final class CallsHeard {

    private final Map<String, Long> written = new HashMap<>();

    /**
     * Of the {@code running} calls, those {@code heard} later than their last recorded write, with the time
     * heard. Calls no longer running are forgotten, so the memory held is bounded by the running calls.
     */
    Map<String, Long> due(Set<String> running, Map<String, Long> heard) {
        written.keySet().retainAll(running);
        Map<String, Long> due = new HashMap<>();
        for (Map.Entry<String, Long> call : heard.entrySet()) {
            if (running.contains(call.getKey()) && call.getValue() > written.getOrDefault(call.getKey(), 0L)) {
                due.put(call.getKey(), call.getValue());
            }
        }
        return due;
    }

    /** These times were written; they are not due again until the calls are heard later. */
    void recorded(Map<String, Long> writes) {
        written.putAll(writes);
    }
}
