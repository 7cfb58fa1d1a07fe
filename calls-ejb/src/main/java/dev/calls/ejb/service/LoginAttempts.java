package dev.calls.ejb.service;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Counts failed sign-ins per account name and locks the name for a while after too many in a row,
 * which turns password guessing against one account into a crawl. Thread-safe; times are passed in.
 */
public class LoginAttempts {

    /** Failures older than this no longer count towards a lock. */
    static final long FAILURE_MEMORY_MILLIS = 15 * 60_000L;
    /** Past this many tracked names, forget the ones that are not locked (bounds memory under a spray). */
    static final int MAX_TRACKED = 100_000;

    private record State(int failures, long lastFailureAt, long lockedUntil) {
    }

    private final int maxFailures;
    private final long lockMillis;
    private final ConcurrentMap<String, State> states = new ConcurrentHashMap<>();

    public LoginAttempts(int maxFailures, long lockMillis) {
        this.maxFailures = maxFailures;
        this.lockMillis = lockMillis;
    }

    /** Milliseconds the name stays locked, 0 when it may try now. */
    public long lockedForMillis(String name, long now) {
        State state = states.get(name);
        return state == null || state.lockedUntil <= now ? 0 : state.lockedUntil - now;
    }

    /** Records a failure; returns true when this failure locked the name. */
    public boolean recordFailure(String name, long now) {
        if (states.size() >= MAX_TRACKED) {
            states.values().removeIf(s -> s.lockedUntil <= now);
        }
        State next = states.compute(name, (key, current) -> {
            int failures = current == null || now - current.lastFailureAt > FAILURE_MEMORY_MILLIS ? 1 : current.failures + 1;
            return failures >= maxFailures ? new State(0, now, now + lockMillis) : new State(failures, now, 0);
        });
        return next.lockedUntil > now;
    }

    public void recordSuccess(String name) {
        states.remove(name);
    }
}
