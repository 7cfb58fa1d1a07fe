package dev.calls.ejb.service;

import dev.calls.limits.LruMap;

/**
 * Counts failed sign-ins per (source address, account name) pair and locks the pair for a while after too
 * many in a row, which turns password guessing against one account from one source into a crawl. Keyed by
 * the pair, not the name alone, so that failures from an attacker's address never lock the account's owner
 * out from theirs. Remembers at most {@code maxTracked} pairs (the least recently used are forgotten).
 * Thread-safe; times are passed in.
 */
public class LoginAttempts {

    /** Failures older than this no longer count towards a lock. */
    static final long FAILURE_MEMORY_MILLIS = 15 * 60_000L;

    private record Key(String source, String name) {
    }

    private record State(int failures, long lastFailureAt, long lockedUntil) {
    }

    private final int maxFailures;
    private final long lockMillis;
    private final LruMap<Key, State> states;

    public LoginAttempts(int maxFailures, long lockMillis, int maxTracked) {
        this.maxFailures = maxFailures;
        this.lockMillis = lockMillis;
        this.states = new LruMap<>(maxTracked);
    }

    /** Milliseconds the pair stays locked, 0 when it may try now. */
    public synchronized long lockedForMillis(String source, String name, long now) {
        State state = states.get(new Key(source, name));
        return state == null || state.lockedUntil <= now ? 0 : state.lockedUntil - now;
    }

    /** Records a failure; returns true when this failure locked the pair. */
    public synchronized boolean recordFailure(String source, String name, long now) {
        State next = states.compute(new Key(source, name), (key, current) -> {
            int failures = current == null || now - current.lastFailureAt > FAILURE_MEMORY_MILLIS ? 1 : current.failures + 1;
            return failures >= maxFailures ? new State(0, now, now + lockMillis) : new State(failures, now, 0);
        });
        return next.lockedUntil > now;
    }

    public synchronized void recordSuccess(String source, String name) {
        states.remove(new Key(source, name));
    }

    synchronized int tracked() {
        return states.size();
    }
}
