package dev.calls.media.ice;

import java.time.Duration;

/**
 * Consent freshness for an ICE-lite agent (RFC 7675): consent to send lasts until no valid connectivity
 * check has arrived for the timeout (30 s by default, RFC 7675 §5.1). A lite agent sends no consent
 * checks of its own, so it watches the peer's: record each {@link BindingOutcome#SUCCESS}, nothing else
 * (indications and rejected requests are not authenticated consent).
 *
 * <p>Time is passed in as {@link System#nanoTime()} values, so tests control the clock. One thread records
 * (the session's receive loop); any thread may ask, e.g. a periodic sweeper.
 */
public final class ConsentFreshness {
    /** RFC 7675 §5.1: consent expires 30 seconds after the last successful check. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final long timeoutNanos;
    private volatile long lastConsentNanos;
    private volatile boolean granted;

    public ConsentFreshness() {
        this(DEFAULT_TIMEOUT);
    }

    public ConsentFreshness(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("consent timeout must be positive: " + timeout);
        }
        this.timeoutNanos = timeout.toNanos();
    }

    /** A valid Binding request arrived at {@code nowNanos}. */
    public void recordConsent(long nowNanos) {
        lastConsentNanos = nowNanos;
        granted = true;
    }

    /** Whether consent was granted and then not refreshed for the timeout; false before the first check. */
    public boolean isExpired(long nowNanos) {
        return granted && nowNanos - lastConsentNanos >= timeoutNanos;
    }

    /** When the last valid check arrived, in {@link System#nanoTime()} terms; meaningless before one did. */
    public long lastConsentNanos() {
        return lastConsentNanos;
    }
}
