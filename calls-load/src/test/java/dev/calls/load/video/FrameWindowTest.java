package dev.calls.load.video;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class FrameWindowTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final double EPSILON = 1e-9;

    /** Frames every 66 ms from 0 to {@code until} ms, with nothing shown in the gaps given as [from, to) ms. */
    private static long[] frames(long until, long... gaps) {
        return LongStream.iterate(0, t -> t <= until * MS, t -> t + 66 * MS).filter(t -> {
            for (int g = 0; g < gaps.length; g += 2) {
                if (t >= gaps[g] * MS && t < gaps[g + 1] * MS) {
                    return false;
                }
            }
            return true;
        }).toArray();
    }

    @Test
    void aSteadyStreamHasNoFreezeAndItsFrameRate() {
        FrameWindow window = FrameWindow.of(frames(3000), 1000 * MS, 2000 * MS);

        assertEquals(15, window.frames(), EPSILON);
        assertEquals(15, window.fps(), EPSILON);
        assertEquals(0, window.freezes(), EPSILON);
        assertEquals(0, window.frozenSeconds(), EPSILON);
    }

    @Test
    void aGapOfMoreThanTheAveragePlus150MsIsAFreezeAndAShorterOneIsNot() {
        long[] short200 = frames(3000, 1000, 1180);
        long[] long300 = frames(3000, 1000, 1300);

        assertEquals(0, FrameWindow.of(short200, 0, 3000 * MS).freezes(), EPSILON,
                "a 198 ms gap is under max(3 x 66, 66 + 150) = 216 ms");
        FrameWindow frozen = FrameWindow.of(long300, 0, 3000 * MS);
        assertEquals(1, frozen.freezes(), EPSILON);
        assertEquals(0.330, frozen.frozenSeconds(), EPSILON, "from the frame at 990 ms to the one at 1320 ms");
    }

    @Test
    void aFreezeCountsForThePartOfItInsideTheWindowAndAnOpenOneUpToTheWindowsEnd() {
        long[] times = frames(1000);

        FrameWindow stillFrozen = FrameWindow.of(times, 1500 * MS, 2500 * MS);

        assertEquals(0, stillFrozen.frames(), EPSILON);
        assertEquals(1, stillFrozen.freezes(), EPSILON);
        assertEquals(1.0, stillFrozen.frozenSeconds(), EPSILON);
        FrameWindow straddling = FrameWindow.of(frames(3000, 1000, 2000), 1500 * MS, 2500 * MS);
        assertEquals(0.546, straddling.frozenSeconds(), EPSILON, "the freeze from 990 to 2046 ms, from 1500 ms on");
    }

    @Test
    void theMeanOfViewersWindows() {
        FrameWindow mean = FrameWindow.mean(List.of(new FrameWindow(10, 100, 2, 3), new FrameWindow(10, 50, 0, 1)));

        assertEquals(new FrameWindow(10, 75, 1, 2), mean);
    }
}
