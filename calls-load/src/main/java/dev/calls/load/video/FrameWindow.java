package dev.calls.load.video;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What a viewer saw of one video stream in one window: the frames shown, and the freezes, each counted
 * for the part of it inside the window. Several viewers' windows make one of their means.
 */
public record FrameWindow(double seconds, double frames, double freezes, double frozenSeconds) {

    /** The mean of windows of the same length, one per viewer; an empty window when there are none. */
    public static FrameWindow mean(List<FrameWindow> windows) {
        int n = windows.size();
        if (n == 0) {
            return new FrameWindow(0, 0, 0, 0);
        }
        return new FrameWindow(windows.get(0).seconds(),
                windows.stream().mapToDouble(FrameWindow::frames).sum() / n,
                windows.stream().mapToDouble(FrameWindow::freezes).sum() / n,
                windows.stream().mapToDouble(FrameWindow::frozenSeconds).sum() / n);
    }

    /** Frames shown per second of the window. */
    public double fps() {
        return seconds <= 0 ? 0 : frames / seconds;
    }

    /**
     * Applies {@link FreezeRule} to frame times and takes the part of [{@code from}, {@code to}) that each
     * freeze covers; a stream still frozen at {@code to} counts as frozen up to it.
     *
     * @param times frames shown, in order, including those before the window, which set the average
     */
    public static FrameWindow of(long[] times, long from, long to) {
        FreezeRule rule = new FreezeRule();
        int frames = 0;
        int freezes = 0;
        long frozen = 0;
        for (int i = 0; i < times.length && times[i] < to; i++) {
            if (times[i] >= from) {
                frames++;
            }
            long gap = i == 0 ? -1 : times[i] - times[i - 1];
            if (gap >= 0 && rule.isFreeze(gap)) {
                long overlap = overlap(times[i - 1], times[i], from, to);
                if (overlap > 0) {
                    freezes++;
                    frozen += overlap;
                }
            }
            if (gap >= 0) {
                rule.add(gap);
            }
        }
        int shown = lastBefore(times, to);
        if (shown >= 0 && rule.isFreeze(to - times[shown])) {
            long overlap = overlap(times[shown], to, from, to);
            if (overlap > 0) {
                freezes++;
                frozen += overlap;
            }
        }
        return new FrameWindow((to - from) / 1e9, frames, freezes, frozen / (double) TimeUnit.SECONDS.toNanos(1));
    }

    private static int lastBefore(long[] times, long to) {
        int last = -1;
        for (int i = 0; i < times.length && times[i] < to; i++) {
            last = i;
        }
        return last;
    }

    private static long overlap(long start, long end, long from, long to) {
        return Math.max(0, Math.min(end, to) - Math.max(start, from));
    }
}
