package dev.calls.limits;

/**
 * A {@link TokenBucket} per key (a user id), for a rate that holds across requests and connections. At most
 * {@code maxKeys} buckets are kept, so the tracker's memory is bounded whoever sends: beyond it the least
 * recently used bucket is forgotten, and its key starts again with a full burst when it comes back (by then
 * it has usually refilled anyway). Thread-safe; a request takes the lock for one map lookup and one bucket.
 */
public final class KeyedTokenBuckets {

    private final double ratePerSecond;
    private final int burst;
    private final LruMap<String, TokenBucket> buckets;

    public KeyedTokenBuckets(double ratePerSecond, int burst, int maxKeys) {
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.buckets = new LruMap<>(maxKeys);
    }

    /** Takes a token from the key's bucket if one is there. */
    public synchronized boolean tryTake(String key, long nowNanos) {
        return bucket(key, nowNanos).tryTake(nowNanos);
    }

    /** Nanoseconds until the key may take a token, 0 when it may now. */
    public synchronized long nanosUntilToken(String key, long nowNanos) {
        return bucket(key, nowNanos).nanosUntilToken(nowNanos);
    }

    /** How many keys are tracked now. */
    public synchronized int size() {
        return buckets.size();
    }

    private TokenBucket bucket(String key, long nowNanos) {
        return buckets.computeIfAbsent(key, k -> new TokenBucket(ratePerSecond, burst, nowNanos));
    }
}
