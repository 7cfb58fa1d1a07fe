package dev.calls.load.abuse;

import java.util.concurrent.TimeUnit;

/** Spaces an attack's openings at a fixed rate from a start instant, and tells when its window is over. */
final class OpenPace {

    private final long startNanos;
    private final long spacingNanos;
    private final long deadlineNanos;

    OpenPace(int perSecond, long startNanos, long deadlineNanos) {
        this.startNanos = startNanos;
        this.spacingNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
        this.deadlineNanos = deadlineNanos;
    }

    /** When opening number {@code n} (from 0) is due. */
    long dueNanos(int n) {
        return startNanos + n * spacingNanos;
    }

    /** Sleeps until opening {@code n} is due; false when that is at or after the deadline (nothing more to open). */
    boolean awaitTurn(int n) throws InterruptedException {
        long due = dueNanos(n);
        if (due >= deadlineNanos) {
            return false;
        }
        long wait = due - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
        return System.nanoTime() < deadlineNanos;
    }

    /** Sleeps until the deadline. */
    void awaitDeadline() throws InterruptedException {
        long wait = deadlineNanos - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
