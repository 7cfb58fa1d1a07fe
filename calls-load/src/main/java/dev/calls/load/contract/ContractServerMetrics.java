package dev.calls.load.contract;

import jakarta.json.JsonNumber;

import dev.calls.load.metrics.ExternalProcessMetrics;
import dev.calls.load.signaling.ServerMetrics;
import dev.calls.load.signaling.SignalingException;

/**
 * A deployed server's cost: CPU, RSS and heap of its process when its id is known (read from /proc and
 * with jcmd on this machine, so the tool's own CPU is never counted), and the datagrams its media port
 * sent from {@code GET /api/v1/system/stats} ({@code packets_out}), the server's own count.
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

    @Override
    public String method() {
        return (process == null ? "server process not given (--server-pid): no CPU, heap or RSS; "
                : process.method() + "; ")
                + "packets out = packets_out of GET /api/v1/system/stats (every datagram of the media port: forwarded RTP, "
                + "RTCP, STUN, DTLS)";
    }
}
