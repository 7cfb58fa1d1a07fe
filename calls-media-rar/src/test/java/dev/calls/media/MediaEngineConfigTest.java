package dev.calls.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MediaEngineConfigTest {

    @Test
    void aRealTimePriorityOutsideSchedRrsRangeIsRefusedByName() {
        for (int priority : new int[] {-1, 100}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> withPriority(priority));
            assertEquals("mediaThreadRealtimePriority is 0 (none) or 1 to 99, not " + priority, refused.getMessage());
        }
    }

    @Test
    void noneAndTheRangesEndsAreTaken() {
        for (int priority : new int[] {0, 1, 99}) {
            assertEquals(priority, withPriority(priority).mediaThreadRealtimePriority());
        }
    }

    private static MediaEngineConfig withPriority(int priority) {
        return new MediaEngineConfig(0, MediaEngineConfig.ICE_TCP_OFF, "127.0.0.1", "", 1, 10, 30, 512, 1, MediaEngineConfig.DEFAULT_MEDIA_THREAD_NICE,
                priority);
    }
}
