package dev.calls.load.abuse;

import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;

import org.HdrHistogram.Histogram;

import dev.calls.load.client.ClientStats;
import dev.calls.load.client.InboundStream;
import dev.calls.load.client.SimulatedParticipant;
import dev.calls.load.metrics.Percentiles;

/**
 * Row 12, a voice flood: a participant that sends audio packets at the flood rate (Opus sends 50 a second)
 * from the moment it connects, in a call of its own with listeners, so that the call in progress's loss and
 * latency stay those of its own speakers and show only what the flood costs the server. Reports what the
 * flooder sent and how many of its packets reached each listener: what the server forwarded (on this
 * machine's loopback nothing is lost on the way). The sequence numbers cannot tell it, since the server
 * forwards a policed source's packets with their own numbers and its drops show as gaps. The flood's
 * participants count into {@code stats} of their own.
 */
final class VoiceFlood implements Attack {

    private static final long CONNECT_POLL_MILLIS = 10;

    private final SimulatedParticipant flooder;
    private final List<SimulatedParticipant> listeners;
    private final ClientStats stats;
    private final int rate;

    VoiceFlood(SimulatedParticipant flooder, List<SimulatedParticipant> listeners, ClientStats stats, int rate) {
        this.flooder = flooder;
        this.listeners = listeners;
        this.stats = stats;
        this.rate = rate;
    }

    @Override
    public String id() {
        return "voice_flood";
    }

    @Override
    public String title() {
        return "row 12: voice packets far above Opus's rate";
    }

    @Override
    public AttackResult run(long deadlineNanos) throws InterruptedException {
        try {
            listeners.forEach(SimulatedParticipant::join);
            flooder.join();
            while (System.nanoTime() < deadlineNanos && !flooder.isConnected() && flooder.failure() == null) {
                Thread.sleep(CONNECT_POLL_MILLIS);
            }
            long floodStart = System.nanoTime();
            stats.latencySinceLastCall();
            long sentBefore = stats.rtpSent();
            long remaining = deadlineNanos - floodStart;
            if (remaining > 0) {
                Thread.sleep(remaining / 1_000_000, (int) (remaining % 1_000_000));
            }
            double seconds = Math.max(0, System.nanoTime() - floodStart) / 1e9;
            return result(stats.rtpSent() - sentBefore, seconds, stats.latencySinceLastCall());
        } finally {
            flooder.leave();
            listeners.forEach(SimulatedParticipant::leave);
        }
    }

    private AttackResult result(long sent, double seconds, Histogram latency) {
        JsonArrayBuilder forwarded = Json.createArrayBuilder();
        long mostForwarded = 0;
        for (SimulatedParticipant listener : listeners) {
            InboundStream flood = streamOf(listener, flooder.audioSsrc());
            long received = flood == null ? 0 : flood.received();
            forwarded.add(received);
            mostForwarded = Math.max(mostForwarded, received);
        }
        return new AttackResult(id(), title(), Json.createObjectBuilder()
                .add("rate_asked_per_second", rate)
                .add("flooder_connected", flooder.isConnected())
                .add("flooder_failure", flooder.failure() == null ? "none" : flooder.failure())
                .add("flood_seconds", seconds)
                .add("sent", sent)
                .add("sent_per_second", seconds > 0 ? sent / seconds : -1)
                .add("forwarded_to_each_listener", forwarded)
                .add("forwarded_fraction_most", sent > 0 ? (double) mostForwarded / sent : -1)
                .add("forwarded_per_second_most", seconds > 0 ? mostForwarded / seconds : -1)
                .add("listener_latency_us_p50", Percentiles.micros(latency, 50))
                .add("listener_latency_us_p99", Percentiles.micros(latency, 99))
                .build());
    }

    private static InboundStream streamOf(SimulatedParticipant listener, int ssrc) {
        for (InboundStream stream : listener.streams()) {
            if (stream.ssrc() == ssrc) {
                return stream;
            }
        }
        return null;
    }
}
