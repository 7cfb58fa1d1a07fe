package dev.calls.load.contract;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;

import dev.calls.load.metrics.ExternalProcessMetrics;
import dev.calls.load.signaling.ServerMetrics;
import dev.calls.load.signaling.SignalingException;
import dev.calls.media.api.EngineStats;

/**
 * A deployed server's cost: CPU, RSS and heap of its process when its id is known (read from /proc and
 * with jcmd on this machine, so the tool's own CPU is never counted), and the datagrams its media port
 * sent from {@code GET /api/v1/system/stats} ({@code packets_out}), the server's own count, and its
 * receive-to-send time ({@code forwarding}).
 */
final class ContractServerMetrics implements ServerMetrics {

    private final ContractApi api;
    private final String adminToken;
    private final ExternalProcessMetrics process;

    /** @param process null when the server's process id was not given */
    ContractServerMetrics(ContractApi api, String adminToken, ExternalProcessMetrics process) {
        this.api = api;
        this.adminToken = adminToken;
        this.process = process;
    }

    @Override
    public long cpuNanos() {
        return process == null ? -1 : process.cpuNanos();
    }

    @Override
    public long heapAfterGcBytes() {
        return process == null ? -1 : process.heapAfterGcBytes();
    }

    @Override
    public long rssBytes() {
        return process == null ? -1 : process.rssBytes();
    }

    @Override
    public long packetsOut() {
        try {
            return api.stats(adminToken).get("packets_out") instanceof JsonNumber count ? count.longValue() : -1;
        } catch (SignalingException e) {
            return -1;
        }
    }

    /** {@code forwarding} of the stats: the engine's receive-to-send histogram, in milliseconds. */
    @Override
    public EngineStats.Latency forwarding() {
        JsonObject stats;
        try {
            stats = api.stats(adminToken);
        } catch (SignalingException e) {
            return EngineStats.Latency.NONE;
        }
        if (stats.get("forwarding") instanceof JsonObject forwarding && forwarding.get("count") instanceof JsonNumber count) {
            return new EngineStats.Latency(count.longValue(), nanos(forwarding, "total_ms"), nanos(forwarding, "p50_ms"),
                    nanos(forwarding, "p99_ms"), nanos(forwarding, "max_ms"));
        }
        return EngineStats.Latency.NONE;
    }

    private static long nanos(JsonObject latency, String millisField) {
        return latency.get(millisField) instanceof JsonNumber millis ? Math.round(millis.doubleValue() * 1e6) : 0;
    }

    @Override
    public String method() {
        return (process == null ? "server process not given (--server-pid): no CPU, heap or RSS; "
                : process.method() + "; ")
                + "packets out = packets_out of GET /api/v1/system/stats (every datagram of the media port: forwarded RTP, "
                + "RTCP, STUN, DTLS)";
    }
}
