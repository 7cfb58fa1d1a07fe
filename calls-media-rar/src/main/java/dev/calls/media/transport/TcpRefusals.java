package dev.calls.media.transport;

import java.util.concurrent.atomic.LongAdder;

/** Connections the ICE-TCP port refused or closed, by {@link TcpRefusal}; any thread counts, monitoring reads. */
public final class TcpRefusals {

    private final LongAdder[] counts = new LongAdder[TcpRefusal.values().length];

    public TcpRefusals() {
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    void count(TcpRefusal refusal) {
        counts[refusal.ordinal()].increment();
    }

    public long get(TcpRefusal refusal) {
        return counts[refusal.ordinal()].sum();
    }
}
