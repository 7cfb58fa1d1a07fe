package dev.calls.load.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class CalibrationLoopTest {

    /**
     * No bound on the speed, which the machine decides: the loop ran and was timed, and, as the JCE refuses a
     * key and IV sealed with before, every one of its thousands of seals had an IV of its own.
     */
    @Test
    void aSealTakesAFinitePositiveTime() {
        double nanos = CalibrationLoop.nanosPerSeal(Duration.ofMillis(20), Duration.ofMillis(50));
        assertTrue(nanos > 0 && Double.isFinite(nanos), "ns per seal: " + nanos);
    }
}
