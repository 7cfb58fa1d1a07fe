package dev.calls.media.ice;

import java.util.concurrent.atomic.LongAdder;

import dev.calls.limits.TokenBucket;

/**
 * Decides whether a STUN error reply to a check from an unknown source (no session owns its ufrag, or the
 * session has no offer yet) may go, for the whole media port. Such a source is unauthenticated and its
 * address may be forged, so the reply must not make the port an amplifier for traffic aimed at someone
 * else (RFC 8489 §16.1.2, RFC 5389's reflection concerns): a reply larger than its request is never sent,
 * and replies are rate-limited over all receive threads together
 * ({@link dev.calls.limits.Limit#STUN_REFUSALS_PER_SECOND}). What is not sent is counted. A legitimate
 * client never needs these replies: it learns nothing from a 401 it can act on without new credentials.
 */
public final class UnknownCheckReplies {

    private final TokenBucket bucket;
    private final LongAdder dropped = new LongAdder();

    public UnknownCheckReplies(int perSecond, int burst, long nowNanos) {
        bucket = new TokenBucket(perSecond, burst, nowNanos);
    }

    /** Whether a reply of {@code replyLength} bytes to a request of {@code requestLength} may be sent now. */
    public boolean allow(int requestLength, int replyLength, long nowNanos) {
        boolean allowed = replyLength <= requestLength;
        if (allowed) {
            synchronized (bucket) {
                allowed = bucket.tryTake(nowNanos);
            }
        }
        if (!allowed) {
            dropped.increment();
        }
        return allowed;
    }

    /** Replies not sent: larger than their request, or over the rate. */
    public long dropped() {
        return dropped.sum();
    }
}
