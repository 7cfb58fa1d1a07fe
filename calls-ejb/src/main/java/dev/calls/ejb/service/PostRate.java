package dev.calls.ejb.service;

import dev.calls.ejb.error.CallsException;
import dev.calls.limits.KeyedTokenBuckets;
import dev.calls.limits.Limit;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * How fast each user may write posts, whatever the door: {@link Limit#POSTS_PER_MINUTE} with bursts of
 * {@link Limit#POST_BURST}, counting the root posts that calls start with. Every post is kept, so without
 * it one user fills the database as fast as the server takes requests. The tracker remembers at most
 * {@link Limit#POST_RATE_USERS} users.
 */
@ApplicationScoped
public class PostRate {

    private static final double SECONDS_PER_MINUTE = 60;

    private final KeyedTokenBuckets buckets = new KeyedTokenBuckets(
            Limit.POSTS_PER_MINUTE.value() / SECONDS_PER_MINUTE, Limit.POST_BURST.value(), Limit.POST_RATE_USERS.value());

    /** Counts one post of the user; refused with 429 (and how long to wait) when they write faster than the rate. */
    public void take(String userId) {
        if (!buckets.tryTake(userId, System.nanoTime())) {
            long retryAfter = (long) Math.ceil(SECONDS_PER_MINUTE / Limit.POSTS_PER_MINUTE.value());
            throw new CallsException(429, "api.post.rate_limited", "More than " + Limit.POSTS_PER_MINUTE.value()
                    + " posts a minute; wait a moment.", Math.max(1, retryAfter));
        }
    }
}
