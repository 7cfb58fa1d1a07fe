package dev.calls.limits;

/**
 * A rate limit as a token bucket: it refills {@code ratePerSecond} tokens a second up to {@code burst}, and
 * each event takes one. Time comes from the caller ({@link System#nanoTime()}) so that the rule is testable
 * without sleeping, and taking a token allocates nothing, so the media packet path uses it too. Not
 * thread-safe: one thread at a time (a WebSocket connection's message thread, a track's receive thread),
 * or the caller synchronizes.
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
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** Nanoseconds until a token is there, 0 when one is there now. */
    public long nanosUntilToken(long nowNanos) {
        refill(nowNanos);
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / ratePerNano);
    }

    private void refill(long nowNanos) {
        tokens = Math.min(burst, tokens + Math.max(0, nowNanos - lastNanos) * ratePerNano);
        lastNanos = Math.max(lastNanos, nowNanos);
    }
}
