package dev.calls.ejb.service;

import jakarta.ejb.ConcurrentAccessTimeoutException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One lock per channel, for the changes of its call: changes of one call are serialized, so its rules
 * (one call per channel, the participant limit, who hosts) hold under concurrent requests, while other
 * calls go on at the same time. A waiter gives up after the timeout, as the container does for a locked
 * singleton. A channel's lock is kept once made: one small object per channel that ever had a call.
 */
final class ChannelLocks {

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
                throw new ConcurrentAccessTimeoutException("The call of channel " + channelId + " stayed busy for "
                        + timeoutMillis + " ms.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConcurrentAccessTimeoutException("Interrupted waiting for the call of channel " + channelId + ".");
        }
        try {
            return change.get();
        } finally {
            lock.unlock();
        }
    }
}
