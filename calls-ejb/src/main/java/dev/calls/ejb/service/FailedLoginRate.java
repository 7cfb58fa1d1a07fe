package dev.calls.ejb.service;

/**
 * The budget of failed sign-ins per source address: a token bucket per address that refills
 * {@code perMinute} a minute up to {@code burst}. A sign-in takes one token BEFORE its password is hashed
 * and gives it back when it succeeds, so only failures spend the budget, and a source that has spent it is
 * refused without any hashing work: a flood of guesses from one address cannot take the processors.
 * Remembers at most {@code maxTracked} addresses (the least recently used are forgotten, which only
 * refills theirs). Thread-safe; times are passed in.
 */
public class FailedLoginRate {

    private static final class Bucket {
        double tokens;
        long updatedAt;

        Bucket(double tokens, long updatedAt) {
            this.tokens = tokens;
            this.updatedAt = updatedAt;
        }
    }

    private final double perMilli;
    private final int burst;
    private final LruMap<String, Bucket> buckets;

    public FailedLoginRate(int perMinute, int burst, int maxTracked) {
        this.perMilli = perMinute / 60_000.0;
        this.burst = burst;
        this.buckets = new LruMap<>(maxTracked);
    }

    /** Takes one attempt from the source's budget; false when none is left. */
    public synchronized boolean tryTake(String source, long now) {
        Bucket bucket = refilled(source, now);
        if (bucket.tokens < 1) {
            return false;
        }
        bucket.tokens -= 1;
        return true;
    }

    /** Returns the attempt {@link #tryTake} took, because the sign-in succeeded. */
    public synchronized void giveBack(String source, long now) {
        Bucket bucket = refilled(source, now);
        bucket.tokens = Math.min(burst, bucket.tokens + 1);
    }

    /** Milliseconds until the source may try again, 0 when it may now. */
    public synchronized long waitMillis(String source, long now) {
        Bucket bucket = refilled(source, now);
        return bucket.tokens >= 1 ? 0 : (long) Math.ceil((1 - bucket.tokens) / perMilli);
    }

    synchronized int tracked() {
        return buckets.size();
    }

    private Bucket refilled(String source, long now) {
        Bucket bucket = buckets.computeIfAbsent(source, s -> new Bucket(burst, now));
        bucket.tokens = Math.min(burst, bucket.tokens + Math.max(0, now - bucket.updatedAt) * perMilli);
        bucket.updatedAt = Math.max(bucket.updatedAt, now);
        return bucket;
    }
}
