package dev.calls.media.sfu;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of retransmission history one media session may hold over all the tracks it publishes
 * ({@link dev.calls.limits.Limit#NACK_HISTORY_KIB_PER_SESSION}). A history takes from it as its slots are
 * allocated or grown and gives back what it held when its track goes, so that however many sources a
 * session announces, its history memory stays bounded. Thread-safe and allocation-free.
 */
final class HistoryBudget {

    private final AtomicLong remaining;

    HistoryBudget(long bytes) {
        remaining = new AtomicLong(bytes);
    }

    /** Takes {@code bytes} when that much is left; false (and nothing taken) when it is not. */
    boolean take(long bytes) {
        long left;
        do {
            left = remaining.get();
            if (left < bytes) {
                return false;
            }
        } while (!remaining.compareAndSet(left, left - bytes));
        return true;
    }

    void give(long bytes) {
        remaining.addAndGet(bytes);
    }

    long remaining() {
        return remaining.get();
    }
}
