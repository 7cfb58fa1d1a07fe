package dev.calls.limits;

/**
 * A rate limit: a token bucket that refills {@code ratePerSecond} tokens a second up to {@code burst}; each
 * request takes one. Time comes from the caller so the rule is testable without sleeping. Not thread-safe:
 * its owner uses it from one thread at a time (a WebSocket's message thread, or under a lock).
 */
public final class TokenBucket {

    private final double ratePerNano;
    private final double burst;
    private double tokens;
    private long lastNanos;

    public TokenBucket(double ratePerSecond, int burst, long nowNanos) {
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.lastNanos = nowNanos;
    }

    /** Takes a token if one is there. */
    public boolean tryTake(long nowNanos) {
        tokens = Math.min(burst, tokens + (nowNanos - lastNanos) * ratePerNano);
        lastNanos = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
