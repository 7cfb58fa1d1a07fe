package dev.calls.load.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class NanosRecorderTest {

    @Test
    void valuesOutsideTheRangeAreClampedAndEachReadTakesOnlyWhatCameSinceThePreviousOne() {
        NanosRecorder recorder = new NanosRecorder();
        recorder.record(-5);
        recorder.record(2_000);
        recorder.record(Long.MAX_VALUE);

        Histogram first = recorder.sinceLastCall();
        assertEquals(3, first.getTotalCount());
        assertEquals(1, first.getMinValue());
        assertEquals(2_000, first.getValueAtPercentile(50));
        assertEquals(NanosRecorder.MAX_NANOS, first.getMaxValue(), NanosRecorder.MAX_NANOS / 1000.0);

        recorder.record(7);
        Histogram second = recorder.sinceLastCall();
        assertEquals(1, second.getTotalCount());
        assertEquals(7, second.getMaxValue());
    }
}
