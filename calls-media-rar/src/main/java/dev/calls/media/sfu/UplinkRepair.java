package dev.calls.media.sfu;

import java.util.concurrent.TimeUnit;

import dev.calls.limits.Limit;
import dev.calls.limits.TokenBucket;
import dev.calls.media.rtp.NackList;
import dev.calls.media.rtp.RoundTripTime;

/**
 * Repairs the losses of one published video track on its publisher's uplink: the packets missing from
 * what arrives are asked for with Generic NACKs (RFC 4585 §6.2.1) as soon as a gap shows, and again about
 * once a round trip, within {@link Limit#NACK_RETRIES}, {@link Limit#NACK_MAX_AGE_MILLIS} and
 * {@link Limit#NACKS_PER_SECOND}; a packet given up on, or a loss larger than
 * {@link Limit#NACK_MISSING_PACKETS}, asks for a keyframe instead (RFC 4585 §6.3.1), which the track
 * lets through at most once a second.
 *
 * <p>The round trip is measured from the repairs themselves: the time from a packet's only request to its
 * arrival. The engine sends its clients no sender reports (it forwards the publishers' SSRCs, and has no
 * stream of its own), so their receiver reports carry no LSR/DLSR to measure it by (RFC 3550 §6.4.1).
 *
 * <p>Fed by the track's receive thread on every packet and by the session's timer between packets; the
 * two meet on this object's monitor, which holds only arrays allocated up front.
 */
final class UplinkRepair {

    /** The round trip assumed until a repair measures one, as libwebrtc and mediasoup assume. */
    static final long DEFAULT_RTT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** Requests are repeated no faster than this: a publisher's pacer takes a few ms to send the answer. */
    static final long MIN_RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    /** Where the requests go: the track's publisher. */
    interface Feedback {

        /** Sends one Generic NACK for {@code sequences[0, count)}. */
        void requestRetransmission(int[] sequences, int count);

        /** Asks for a keyframe; the receiver limits how often it really goes. */
        void requestKeyframe(long nowNanos);
    }

    private final Feedback feedback;
    private final NackList missing;
    private final RoundTripTime roundTrip = new RoundTripTime(DEFAULT_RTT_NANOS);
    private final TokenBucket nacks;
    private final int[] due;

    UplinkRepair(Feedback feedback, long nowNanos) {
        this.feedback = feedback;
        int capacity = Limit.NACK_MISSING_PACKETS.value();
        this.missing = new NackList(capacity, Limit.NACK_RETRIES.value(),
                TimeUnit.MILLISECONDS.toNanos(Limit.NACK_MAX_AGE_MILLIS.value()));
        this.due = new int[capacity];
        this.nacks = new TokenBucket(Limit.NACKS_PER_SECOND.value(), Limit.NACKS_PER_SECOND.value(), nowNanos);
    }

    /** A packet of the track arrived (a repair, a late one or a new one); a gap before it is asked for now. */
    synchronized void onPacket(int sequenceNumber, long nowNanos) {
        roundTrip.sample(missing.onPacket(sequenceNumber, nowNanos));
        ask(nowNanos);
    }

    /** Repeats the requests whose answer is overdue, when no packet came to do it. */
    synchronized void tick(long nowNanos) {
        ask(nowNanos);
    }

    synchronized long roundTripNanos() {
        return roundTrip.nanos();
    }

    private void ask(long nowNanos) {
        if (!missing.isEmpty()) {
            long retry = Math.max(MIN_RETRY_NANOS, roundTrip.nanos());
            int max = nacks.nanosUntilToken(nowNanos) == 0 ? due.length : 0;
            int count = missing.due(nowNanos, retry, due, max);
            if (count > 0) {
                nacks.tryTake(nowNanos);
                feedback.requestRetransmission(due, count);
            }
        }
        if (missing.takeGaveUp()) {
            feedback.requestKeyframe(nowNanos);
        }
    }
}
