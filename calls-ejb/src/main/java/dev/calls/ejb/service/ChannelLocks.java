package dev.calls.ejb.service;

import dev.calls.ejb.error.CallsException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One lock per channel, for the changes of its call: changes of one call are serialized, so its rules
 * (one call per channel, the participant limit, who hosts) hold under concurrent requests, while other
 * calls go on at the same time. A waiter gives up after the timeout with {@code call_busy} (503, retry
 * after a second): under a burst of joins to one call the client is told to try again, rather than
 * waiting without end or seeing a server fault. A channel's lock is kept once made: one small object per
 * channel that ever had a call.
 */
final class ChannelLocks {

    static final long RETRY_AFTER_SECONDS = 1;

    private final ConcurrentMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final long timeoutMillis;

    ChannelLocks(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    /** Runs {@code change} holding the channel's lock. */
    <T> T with(String channelId, Supplier<T> change) {
        ReentrantLock lock = locks.computeIfAbsent(channelId, id -> new ReentrantLock());
        try {
            if (!lock.tryLock(timeoutMillis, TimeUnit.MILLISECONDS)) {
                throw busy(channelId);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy(channelId);
        }
        try {
            return change.get();
        } finally {
            lock.unlock();
        }
    }

    private CallsException busy(String channelId) {
        return new CallsException(503, "call_busy", "The call of channel " + channelId + " stayed busy with other"
                + " changes for " + timeoutMillis + " ms; try again in a moment.", RETRY_AFTER_SECONDS);
    }
}
