package dev.calls.media.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConsentFreshnessTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void noConsentBeforeTheFirstCheckAndNothingToExpire() {
        ConsentFreshness consent = new ConsentFreshness();
        assertFalse(consent.isExpired(Long.MAX_VALUE));
    }

    @Test
    void expiresThirtySecondsAfterTheLastCheckByDefault() {
        ConsentFreshness consent = new ConsentFreshness();
        long start = -5 * SECOND; // nanoTime may be negative
        consent.recordConsent(start);
        assertFalse(consent.isExpired(start + 30 * SECOND - 1));
        assertTrue(consent.isExpired(start + 30 * SECOND));
        consent.recordConsent(start + 29 * SECOND);
        assertFalse(consent.isExpired(start + 58 * SECOND));
        assertEquals(start + 29 * SECOND, consent.lastConsentNanos());
    }

    @Test
    void timeoutIsConfigurableAndSurvivesNanoTimeWrapAround() {
        ConsentFreshness consent = new ConsentFreshness(Duration.ofSeconds(5));
        long nearWrap = Long.MAX_VALUE - 2 * SECOND;
        consent.recordConsent(nearWrap);
        assertFalse(consent.isExpired(nearWrap + 4 * SECOND));
        assertTrue(consent.isExpired(nearWrap + 5 * SECOND));
        assertThrows(IllegalArgumentException.class, () -> new ConsentFreshness(Duration.ZERO));
    }
}
