package dev.calls.media;

import java.util.Collection;
import java.util.concurrent.atomic.LongAdder;

import dev.calls.media.sfu.CloseReason;
import dev.calls.media.sfu.Participant;

/**
 * The drops and failures of the engine's sessions for its stats: those of a session that closed are added
 * here as it closes, those of open sessions are read from them when the stats are asked for. The engine
 * removes a session from its open ones before {@link #closed}, so a concurrent {@link #totals} never counts
 * one twice.
 */
final class SessionTally {

    /** Drops and failures over every session, open and closed. */
    record Totals(long srtpDrops, long dtlsDrops, long rateDrops, long iceFailures, long dtlsFailures) {
    }

    private final LongAdder srtpDrops = new LongAdder();
    private final LongAdder dtlsDrops = new LongAdder();
    private final LongAdder rateDrops = new LongAdder();
    private final LongAdder iceFailures = new LongAdder();
    private final LongAdder dtlsFailures = new LongAdder();

    /**
     * The session closed: its drops are kept, and its end counted as a failure where it was one. A connect
     * timeout before any ICE check passed, and lost consent, are ICE failures; a failed handshake, or a
     * connect timeout after ICE passed, are DTLS failures.
     */
    void closed(Participant participant) {
        srtpDrops.add(participant.srtpDrops());
        dtlsDrops.add(participant.dtlsDrops());
        rateDrops.add(participant.rateDrops());
        CloseReason reason = participant.closeReason();
        if (reason == CloseReason.RTC_CONSENT_LOST || reason == CloseReason.RTC_TIMEOUT && !participant.iceCompleted()) {
            iceFailures.increment();
        } else if (reason == CloseReason.DTLS_FAILED || reason == CloseReason.RTC_TIMEOUT) {
            dtlsFailures.increment();
        }
    }

    /** The closed sessions' counts with those of the {@code open} ones. */
    Totals totals(Collection<Participant> open) {
        long srtp = srtpDrops.sum();
        long dtls = dtlsDrops.sum();
        long rate = rateDrops.sum();
        for (Participant participant : open) {
            srtp += participant.srtpDrops();
            dtls += participant.dtlsDrops();
            rate += participant.rateDrops();
        }
        return new Totals(srtp, dtls, rate, iceFailures.sum(), dtlsFailures.sum());
    }
}
