package dev.calls.media.rtp;

/**
 * Reception statistics of one RTP source, kept as RFC 3550 Appendix A prescribes, from which a receiver
 * report block is written: sequence validation and wrap counting (A.1, with its probation of
 * two in-order packets and restart after a large jump), packets expected and lost and
 * the fraction lost per interval (A.3), interarrival jitter in integer arithmetic (A.8), and LSR/DLSR from the
 * source's last sender report (§6.4.1).
 *
 * <p>Times are nanoseconds on one monotonic clock (for example {@link System#nanoTime()}) chosen by the
 * caller. Not thread-safe: feed and report from the thread that owns the stream, or guard externally.
 */
public final class ReceiveStatistics {

    private static final int SEQ_MOD = 1 << 16;
    private static final int MAX_MISORDER = 100;
    private static final int MIN_SEQUENTIAL = 2;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long MAX_U32 = 0xFFFF_FFFFL;

    private final int ssrc;
    private final int clockRate;

    private boolean started;
    private int maxSeq;
    private long cycles;
    private int baseSeq;
    private int badSeq;
    private int probation;
    private long received;
    private long expectedPrior;
    private long receivedPrior;

    private long firstArrivalNanos;
    private boolean hasTransit;
    private int transit;
    private long jitterQ4;

    private boolean hasSenderReport;
    private int lastSenderReport;
    private long lastSenderReportArrivalNanos;

    /**
     * @param ssrc      the source's SSRC, written into its report blocks
     * @param clockRate the RTP clock rate of the source's payload, in Hz (for jitter)
     */
    public ReceiveStatistics(int ssrc, int clockRate) {
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate must be positive: " + clockRate);
        }
        this.ssrc = ssrc;
        this.clockRate = clockRate;
    }

    /**
     * Accounts for one received RTP packet.
     *
     * @return whether the packet counts as valid: {@code false} while the source is on probation and for a
     *         packet far out of sequence (A.1), which is then left out of the statistics
     */
    public boolean onPacket(int sequenceNumber, int rtpTimestamp, long arrivalNanos) {
        int seq = sequenceNumber & 0xFFFF;
        if (!started) {
            started = true;
            firstArrivalNanos = arrivalNanos;
            initSequence(seq);
            maxSeq = (seq - 1) & 0xFFFF;
            probation = MIN_SEQUENTIAL;
        }
        if (!updateSequence(seq)) {
            return false;
        }
        updateJitter(rtpTimestamp, arrivalNanos);
        return true;
    }

    /** Remembers the source's sender report for the LSR and DLSR fields (RFC 3550 §6.4.1). */
    public void onSenderReport(long ntpTimestamp, long arrivalNanos) {
        hasSenderReport = true;
        lastSenderReport = (int) (ntpTimestamp >>> 16);
        lastSenderReportArrivalNanos = arrivalNanos;
    }

    public int ssrc() {
        return ssrc;
    }

    /** Valid packets counted since the sequence was (re)initialised. */
    public long receivedPackets() {
        return received;
    }

    /** Extended highest sequence number received (cycles in the upper 16 bits), as in a report block. */
    public int extendedHighestSequence() {
        return (int) (cycles + maxSeq);
    }

    /** Packets expected minus packets received (A.3); negative when duplicates arrived. */
    public long cumulativeLost() {
        return received == 0 ? 0 : expected() - received;
    }

    /** Interarrival jitter estimate in RTP timestamp units (A.8). */
    public int jitter() {
        return (int) Math.min(jitterQ4 >> 4, MAX_U32);
    }

    /**
     * Writes this source's report block and closes the reporting interval: the fraction lost covers the
     * packets since the previous call (A.3). A source without valid packets yet reports zeros.
     *
     * @param nowNanos the current time, for DLSR
     * @return {@link ReportBlock#LENGTH}
     * @throws IllegalArgumentException if the block does not fit in {@code buf} at {@code off}
     */
    public int writeReportBlock(byte[] buf, int off, long nowNanos) {
        int fraction = 0;
        if (received > 0) {
            long expected = expected();
            long expectedInterval = expected - expectedPrior;
            long receivedInterval = received - receivedPrior;
            long lostInterval = expectedInterval - receivedInterval;
            expectedPrior = expected;
            receivedPrior = received;
            if (expectedInterval > 0 && lostInterval > 0) {
                // Below 256: the interval's expected count only grows with a received packet.
                fraction = (int) ((lostInterval << 8) / expectedInterval);
            }
        }
        int lost = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, cumulativeLost()));
        int dlsr = hasSenderReport ? delaySinceLastSenderReport(nowNanos) : 0;
        return ReportBlock.write(buf, off, ssrc, fraction, lost, received > 0 ? extendedHighestSequence() : 0,
                jitter(), hasSenderReport ? lastSenderReport : 0, dlsr);
    }

    private long expected() {
        return cycles + maxSeq - baseSeq + 1;
    }

    private void initSequence(int seq) {
        baseSeq = seq;
        maxSeq = seq;
        badSeq = SEQ_MOD + 1;
        cycles = 0;
        received = 0;
        receivedPrior = 0;
        expectedPrior = 0;
    }

    /** RFC 3550 A.1 {@code update_seq}. */
    private boolean updateSequence(int seq) {
        int udelta = (seq - maxSeq) & 0xFFFF;
        if (probation > 0) {
            if (seq == ((maxSeq + 1) & 0xFFFF)) {
                probation--;
                maxSeq = seq;
                if (probation == 0) {
                    initSequence(seq);
                    received++;
                    return true;
                }
            } else {
                probation = MIN_SEQUENTIAL - 1;
                maxSeq = seq;
            }
            return false;
        } else if (udelta < SequenceNumbers.MAX_DROPOUT) {
            if (seq < maxSeq) {
                cycles += SEQ_MOD;
            }
            maxSeq = seq;
        } else if (udelta <= SEQ_MOD - MAX_MISORDER) {
            if (seq != badSeq) {
                // A large jump: believe it only if the next packet continues from it (source restart).
                badSeq = (seq + 1) & 0xFFFF;
                return false;
            }
            initSequence(seq);
        }
        received++;
        return true;
    }

    /** RFC 3550 A.8: J += (|D| - J) / 16, kept as 16 × J in integers. */
    private void updateJitter(int rtpTimestamp, long arrivalNanos) {
        int arrival = (int) toTimestampUnits(arrivalNanos - firstArrivalNanos);
        int newTransit = arrival - rtpTimestamp;
        if (hasTransit) {
            // Transit times wrap with the 32-bit timestamps, so their difference is taken in 32 bits.
            long d = Math.abs((long) (newTransit - transit));
            jitterQ4 += d - ((jitterQ4 + 8) >> 4);
        }
        transit = newTransit;
        hasTransit = true;
    }

    /** Converts a duration to RTP clock ticks without overflowing for long calls. */
    private long toTimestampUnits(long nanos) {
        return nanos / NANOS_PER_SECOND * clockRate + nanos % NANOS_PER_SECOND * clockRate / NANOS_PER_SECOND;
    }

    /** DLSR in units of 1/65536 s, clamped to the 32-bit field. */
    private int delaySinceLastSenderReport(long nowNanos) {
        long elapsed = Math.max(0, nowNanos - lastSenderReportArrivalNanos);
        long units = elapsed / NANOS_PER_SECOND * 65536 + elapsed % NANOS_PER_SECOND * 65536 / NANOS_PER_SECOND;
        return (int) Math.min(units, MAX_U32);
    }
}
