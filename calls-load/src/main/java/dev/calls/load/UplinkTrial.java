package dev.calls.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import dev.calls.load.client.InboundStream;
import dev.calls.load.client.SimulatedParticipant;
import dev.calls.load.client.UplinkFeedback;
import dev.calls.load.client.UplinkImpairment;
import dev.calls.load.video.FrameTimes;
import dev.calls.load.video.FrameWindow;

/**
 * The uplink-loss scenario's trial, after the quiet window: the sharer's uplink is impaired
 * ({@link UplinkImpairment}) for a window and then clean again, twice with the same seed, first with the
 * sharer leaving the server's NACKs unanswered (repair off: the viewers get what the uplink let through,
 * and the keyframes the server asks for) and then answering them as a browser does (repair on). The
 * viewers' frames shown and freezes are measured in each lossy window and in each clean window, which
 * starts {@link #DRAIN_MILLIS} after the impairment is lifted.
 */
final class UplinkTrial {

    private static final Logger LOG = Logger.getLogger(UplinkTrial.class);
    /**
     * From the lift of the impairment to the clean window: the packets still delayed arrive within
     * 130 ms, and the engine asks for a lost packet for at most a second (nackMaxAgeMillis).
     */
    static final long DRAIN_MILLIS = 1000;

    private final UplinkOptions options;
    private final UplinkImpairment impairment;

    UplinkTrial(UplinkOptions options, ScheduledExecutorService timer) {
        this.options = options;
        this.impairment = new UplinkImpairment(options.shape(), timer);
    }

    /** Impairs each sharer's uplink (while a phase's lossy window lasts) and watches every viewer's frames; before the joins. */
    void prepare(List<SimulatedParticipant> participants) {
        for (SimulatedParticipant participant : participants) {
            if (participant.role().sharer()) {
                participant.impairUplink(impairment);
            } else {
                participant.watchFrames();
            }
        }
    }

    /** Both phases, repair off then on. */
    UplinkOutcome run(List<SimulatedParticipant> participants) throws InterruptedException {
        UplinkPhase off = phase(false, participants);
        UplinkPhase on = phase(true, participants);
        UplinkOutcome outcome = new UplinkOutcome(options, off, on);
        LOG.infof("uplink loss: frozen %.1f s without repair, %.1f s with (ratio %.2f); clean path: %.1f s and %.1f s",
                off.lossy().frozenSeconds(), on.lossy().frozenSeconds(), outcome.frozenRatio(),
                off.clean().frozenSeconds(), on.clean().frozenSeconds());
        return outcome;
    }

    private UplinkPhase phase(boolean repair, List<SimulatedParticipant> participants) throws InterruptedException {
        List<SimulatedParticipant> sharers = participants.stream().filter(p -> p.role().sharer()).toList();
        sharers.forEach(sharer -> sharer.answerNacks(repair));
        UplinkFeedback before = feedback(sharers);
        long droppedBefore = impairment.dropped();
        long lossyFrom = System.nanoTime();
        impairment.start();
        sleepUntil(lossyFrom + TimeUnit.SECONDS.toNanos(options.lossySeconds()));
        long lossyTo = System.nanoTime();
        impairment.stop();
        long cleanFrom = lossyTo + TimeUnit.MILLISECONDS.toNanos(DRAIN_MILLIS);
        long cleanTo = cleanFrom + TimeUnit.SECONDS.toNanos(options.cleanSeconds());
        sleepUntil(cleanTo);
        List<FrameWindow> lossy = new ArrayList<>();
        List<FrameWindow> clean = new ArrayList<>();
        for (SimulatedParticipant viewer : participants) {
            for (InboundStream stream : viewer.streams()) {
                FrameTimes shown = stream.shownFrames();
                if (shown != null && viewer.isConnected()) {
                    long[] times = shown.snapshot();
                    lossy.add(FrameWindow.of(times, lossyFrom, lossyTo));
                    clean.add(FrameWindow.of(times, cleanFrom, cleanTo));
                }
            }
        }
        return new UplinkPhase(repair, FrameWindow.mean(lossy), FrameWindow.mean(clean), lossy.size(),
                feedback(sharers).since(before), impairment.dropped() - droppedBefore);
    }

    private static UplinkFeedback feedback(List<SimulatedParticipant> sharers) {
        UplinkFeedback sum = new UplinkFeedback(0, 0, 0);
        for (SimulatedParticipant sharer : sharers) {
            UplinkFeedback one = sharer.uplinkFeedback();
            sum = new UplinkFeedback(sum.nacks() + one.nacks(), sum.retransmitted() + one.retransmitted(),
                    sum.keyframeRequests() + one.keyframeRequests());
        }
        return sum;
    }

    private static void sleepUntil(long deadline) throws InterruptedException {
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }
}
