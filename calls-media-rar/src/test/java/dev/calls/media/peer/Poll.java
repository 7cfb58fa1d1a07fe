package dev.calls.media.peer;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Waits for a condition by polling it until a deadline. Tests on a loaded machine wait for outcomes this
 * way rather than sleeping a fixed time; the deadline only bounds a failure.
 */
public final class Poll {

    private static final long INTERVAL_MS = 50;

    private Poll() {
    }

    /**
     * Calls {@code probe} until it returns non-null and returns that value.
     *
     * @param what describes the awaited outcome; called once on timeout for the failure message, so it can
     *             report the last observed state
     * @throws AssertionError when the deadline passes first
     */
    public static <T> T until(Duration timeout, Supplier<String> what, Supplier<T> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what.get());
            }
            try {
                TimeUnit.MILLISECONDS.sleep(INTERVAL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what.get(), e);
            }
        }
    }

    /**
     * Lets {@code millis} pass, for what is measured over an interval (packets counted before and after),
     * never to wait for an outcome.
     */
    public static void pause(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
