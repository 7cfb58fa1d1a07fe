package dev.calls.load;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import dev.calls.load.metrics.Figures;
import dev.calls.load.metrics.MachineReference;

/**
 * The result of one run: joins, the measurement window's packet rates, loss, forwarding latency, and what
 * the server spent. Written as a console table and as JSON. A value that could not be measured is -1.
 * Join times run from the join request: to its reply, to the SRTP keys (connected), and to the first
 * forwarded RTP packet (media flowing). "Forwarded" is counted by the receivers from sequence numbers;
 * the server's own count of datagrams out, where it reports one, is the basis of CPU per packet.
 * {@code silentReceivers}: connected participants with a source in their call that received nothing in
 * the window. The server's own receive-to-send time: its mean over the window, its p50 and p99 since the
 * server started (ramp-up included). {@code softirqSeconds}: the machine's softirq time in the window,
 * which on loopback is mostly the kernel delivering the forwarded datagrams into the clients' sockets,
 * run by (and charged to) the server's sending threads. {@code clientReceiveCpuSeconds}: with the participants
 * in a network namespace, the CPU of the kernel thread that receives for them in the window (-1 on loopback),
 * which their own machines would spend. {@code clientSockets}: how the simulated
 * participants' sockets were laid out (shared or one each). {@code reference}: the processor and what one
 * loopback datagram cost just before the run, against which CPU per packet is also given as a ratio.
 * {@code latencyP99MicrosBySlice}: the latency p99 of each consecutive slice of the window
 * ({@link LoadRunner#SLICE_MILLIS}; the last may be shorter). Latency ends where a datagram arrived in its
 * receiver's socket when the receivers share sockets, and where it was read otherwise;
 * {@code clientReadDelayP99Micros}: with shared sockets, the p99 of how long datagrams waited there to be read,
 * which is the tool's delay and not in the latency. {@code mediaDuringJoins}: loss and latency of the media
 * forwarded from the first join to the start of the window. {@code abuse}: the abuse scenario's quiet and
 * abuse windows and its attacks' results, null for the other scenarios. {@code uplink}: the uplink-loss
 * scenario's viewer frames and freezes without and with repair, null for the other scenarios.
 */
public record LoadReport(LoadOptions options, String serverMethod, String machine, MachineReference reference,
        String clientSockets, double loadBefore, double loadAfter, int requested, int connected, List<String> failures,
        int joinReplies,
        double joinReplyP50Millis, double joinReplyP99Millis, double joinP50Millis, double joinP99Millis,
        double joinMaxMillis, int mediaJoins, double joinToMediaP50Millis, double joinToMediaP99Millis,
        PhaseMedia mediaDuringJoins, double windowSeconds, double sentPerSecond, double forwardedPerSecond, double receivedPerSecond,
        double serverPacketsOutPerSecond, int silentReceivers, double lossPercent, long latencySamples,
        double latencyP50Micros, double latencyP99Micros, double latencyMaxMicros,
        List<Double> latencyP99MicrosBySlice, double clientReadDelayP99Micros, long authFailures,
        long corrupted, long sendFailures, double serverForwardingMeanMicros, double serverForwardingP50Micros,
        double serverForwardingP99Micros, double serverCpuSeconds, double softirqSeconds,
        double clientReceiveCpuSeconds, double toolCpuSeconds,
        double serverHeapPerParticipantKb, double serverRssPerParticipantKb, AbuseOutcome abuse,
        UplinkOutcome uplink) {

    /** Server CPU per million forwarded packets, in seconds (the unit). */
    public double serverCpuSecondsPerMillion() {
        return perForwardedMicros(serverCpuSeconds);
    }

    /** Datagrams the server says it sent in the window where it says so, else the packets the receivers counted. */
    private double forwardedInWindow() {
        return (serverPacketsOutPerSecond >= 0 ? serverPacketsOutPerSecond : forwardedPerSecond) * windowSeconds;
    }

    /** The same in microseconds per forwarded packet (numerically equal: s per million = µs per one). */
    public double serverCpuMicrosPerPacket() {
        return serverCpuSecondsPerMillion();
    }

    /**
     * What the server spends per forwarded packet with its clients' sockets' receive work left to them, as on
     * machines of their own. With the participants in a network namespace that is
     * {@link #serverCpuMicrosPerPacket()} itself, measured: their receive runs in the namespace's NAPI thread.
     * On loopback it is that less the machine's softirq time per forwarded packet, an estimate, as softirq time
     * is sampled at each tick and is the whole machine's.
     */
    public double serverCpuMicrosPerPacketWithoutDelivery() {
        double perPacket = serverCpuMicrosPerPacket();
        if (perPacket < 0 || clientsInNamespace()) {
            return perPacket;
        }
        double softirq = perForwardedMicros(softirqSeconds);
        return softirq < 0 ? -1 : Math.max(0, perPacket - softirq);
    }

    /** {@code seconds} of CPU in the window per forwarded packet, in microseconds; -1 where not measured. */
    private double perForwardedMicros(double seconds) {
        double forwarded = forwardedInWindow();
        return seconds < 0 || forwarded <= 0 ? -1 : seconds / (forwarded / 1e6);
    }

    private boolean clientsInNamespace() {
        return options.clientNamespace() != null;
    }

    /**
     * {@link #serverCpuMicrosPerPacket()} in units of the machine's {@link MachineReference#loopbackDatagramMicros()}:
     * how many loopback datagrams' worth of CPU the server spent per forwarded packet, a figure that depends
     * less on the machine than the microseconds do.
     */
    public double serverCpuPerPacketInLoopbackDatagrams() {
        double perPacket = serverCpuMicrosPerPacket();
        double datagram = reference.loopbackDatagramMicros();
        return perPacket < 0 || datagram <= 0 ? -1 : perPacket / datagram;
    }

    /** Share of one core the server used during the window, in percent. */
    public double serverCpuPercentOfCore() {
        return serverCpuSeconds < 0 ? -1 : 100 * serverCpuSeconds / windowSeconds;
    }

    /** The goals for one call of 1000 with 2 unmuted on this machine, each with its verdict. */
    public Map<String, String> goals() {
        return Map.of(
                "loss < 0.1 %", verdict(lossPercent, 0.1, "%"),
                "server CPU <= 5 us per forwarded packet", verdict(serverCpuMicrosPerPacket(), 5, "us"),
                "latency p99 < 5 ms", verdict(latencyP99Micros / 1000, 5, "ms"),
                "server heap <= 1 MB per participant", verdict(serverHeapPerParticipantKb / 1024, 1, "MB"));
    }

    private static String verdict(double value, double limit, String unit) {
        if (value < 0) {
            return "not measured";
        }
        return value <= limit ? String.format(Locale.ROOT, "met (%.3g %s)", value, unit)
                : String.format(Locale.ROOT, "MISSED: %.3g %s, %.2fx the goal", value, unit, value / limit);
    }

    public String table() {
        StringBuilder out = new StringBuilder();
        row(out, "scenario", options.scenario().id() + ": " + options.calls() + " call(s) x " + options.participants()
                + " participants, " + options.speakers() + " unmuted (phases " + options.speakerPhase().id() + ")"
                + (options.screen() ? ", screen share" : "")
                + ", ramp-up " + options.rampUpSeconds() + " s, window " + fmt(windowSeconds) + " s, clients offer "
                + options.srtpProfiles());
        row(out, "signaling", options.server() == null ? "in-process engine" : "contract (REST + WebSocket) at " + options.server());
        row(out, "machine", machine + ", load average " + fmt(loadBefore) + " before, " + fmt(loadAfter) + " after");
        row(out, "machine reference", reference.processor() + "; one loopback datagram of "
                + MachineReference.DATAGRAM_BYTES + " B costs " + fmt(reference.loopbackDatagramMicros())
                + " us of CPU to send and deliver (the engine's batched send)");
        row(out, "server measured as", serverMethod);
        row(out, "client sockets", clientSockets);
        row(out, "participants connected", connected + " of " + requested
                + (failures.isEmpty() ? "" : " (first failures: " + String.join("; ", failures) + ")"));
        row(out, "join -> reply p50 / p99", fmt(joinReplyP50Millis) + " / " + fmt(joinReplyP99Millis) + " ms (n = "
                + joinReplies + ")");
        row(out, "join -> connected p50 / p99 / max", fmt(joinP50Millis) + " / " + fmt(joinP99Millis) + " / "
                + fmt(joinMaxMillis) + " ms");
        row(out, "join -> media flowing p50 / p99", fmt(joinToMediaP50Millis) + " / " + fmt(joinToMediaP99Millis)
                + " ms (n = " + mediaJoins + ")");
        phaseRows(out, "media during the joins", mediaDuringJoins);
        row(out, "packets/s into the server", fmt(sentPerSecond));
        row(out, "packets/s forwarded out", fmt(forwardedPerSecond) + " (received " + fmt(receivedPerSecond)
                + "; the server's count of datagrams out: " + fmt(serverPacketsOutPerSecond) + ")");
        row(out, "receivers that got nothing", Integer.toString(silentReceivers));
        row(out, "loss", fmt(lossPercent) + " %");
        row(out, "forwarding latency p50 / p99 / max", fmt(latencyP50Micros) + " / " + fmt(latencyP99Micros) + " / "
                + fmt(latencyMaxMicros) + " us (" + latencySamples + " packets timed)");
        row(out, "latency p99 of each " + LoadRunner.SLICE_MILLIS / 1000 + " s", slices(latencyP99MicrosBySlice));
        row(out, "client read delay p99 (not in the latency)", fmt(clientReadDelayP99Micros)
                + " us (arrival in a shared client socket -> read by the tool)");
        row(out, "server receive -> send mean (window)", fmt(serverForwardingMeanMicros) + " us");
        row(out, "server receive -> send p50 / p99 (since start)", fmt(serverForwardingP50Micros) + " / "
                + fmt(serverForwardingP99Micros) + " us");
        row(out, "SRTP auth failures / corrupt / send refused", authFailures + " / " + corrupted + " / " + sendFailures);
        row(out, "server CPU", fmt(serverCpuSeconds) + " s = " + fmt(serverCpuPercentOfCore()) + " % of one core");
        row(out, "server CPU per million forwarded", fmt(serverCpuSecondsPerMillion()) + " s (= us per packet)");
        if (clientsInNamespace()) {
            row(out, "softirq (whole machine)", fmt(softirqSeconds) + " s (not the clients' receive, which runs in"
                    + " their namespace's NAPI thread)");
            row(out, "server CPU per packet without delivery", fmt(serverCpuMicrosPerPacketWithoutDelivery())
                    + " us (measured: the clients' socket receive work is not in the server's CPU)");
            row(out, "clients' receive (their NAPI thread)", fmt(clientReceiveCpuSeconds) + " s = "
                    + fmt(perForwardedMicros(clientReceiveCpuSeconds)) + " us per forwarded packet (not counted above)");
        } else {
            row(out, "  of which loopback delivery (softirq)", fmt(softirqSeconds) + " s (whole machine)");
            row(out, "server CPU per packet without delivery", fmt(serverCpuMicrosPerPacketWithoutDelivery())
                    + " us (estimate: the clients' socket receive work taken out)");
        }
        row(out, "server CPU per packet in loopback datagrams", fmt(serverCpuPerPacketInLoopbackDatagrams())
                + " (server CPU per packet / the machine reference's datagram)");
        row(out, "tool CPU (not counted above)", fmt(toolCpuSeconds) + " s");
        row(out, "server heap per participant", fmt(serverHeapPerParticipantKb) + " KB");
        row(out, "server RSS per participant", fmt(serverRssPerParticipantKb) + " KB");
        goals().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(goal -> row(out, "goal: " + goal.getKey(), goal.getValue()));
        if (abuse != null) {
            phaseRows(out, "call in progress, quiet window", abuse.quiet());
            phaseRows(out, "call in progress, abuse window", abuse.duringAbuse());
            out.append(abuse.attacks().table());
        }
        if (uplink != null) {
            uplink.rows(out);
        }
        return out.toString();
    }

    /** A phase's media: loss, latency and each slice's p99. */
    private static void phaseRows(StringBuilder out, String phase, PhaseMedia media) {
        row(out, phase + ": loss", fmt(media.lossPercent()) + " % of "
                + media.forwarded() + " forwarded in " + fmt(media.seconds()) + " s");
        row(out, phase + ": latency p50 / p99 / max", fmt(media.latencyP50Micros()) + " / "
                + fmt(media.latencyP99Micros()) + " / " + fmt(media.latencyMaxMicros()) + " us ("
                + media.latencySamples() + " packets timed)");
        row(out, phase + ": p99 of each " + LoadRunner.SLICE_MILLIS / 1000 + " s",
                slices(media.latencyP99MicrosBySlice()));
    }

    static void row(StringBuilder out, String name, String value) {
        out.append(String.format(Locale.ROOT, "%-44s %s%n", name, value));
    }

    static String fmt(double value) {
        return Figures.text(value);
    }

    public String json() {
        StringJoiner goals = new StringJoiner(", ", "{", "}");
        goals().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(goal -> goals.add(quote(goal.getKey()) + ": " + quote(goal.getValue())));
        StringJoiner failed = new StringJoiner(", ", "[", "]");
        failures.forEach(f -> failed.add(quote(f)));
        return "{\n"
                + "  \"scenario\": " + quote(options.scenario().id()) + ",\n"
                + "  \"calls\": " + options.calls() + ",\n"
                + "  \"participants_per_call\": " + options.participants() + ",\n"
                + "  \"speakers_per_call\": " + options.speakers() + ",\n"
                + "  \"speaker_phase\": " + quote(options.speakerPhase().id()) + ",\n"
                + "  \"screen_share\": " + options.screen() + ",\n"
                + "  \"ramp_up_seconds\": " + options.rampUpSeconds() + ",\n"
                + "  \"signaling\": " + quote(options.server() == null ? "in-process" : "contract " + options.server()) + ",\n"
                + "  \"decrypt_every\": " + options.decryptEvery() + ",\n"
                + "  \"srtp_profiles_offered\": " + quote(options.srtpProfiles().toString()) + ",\n"
                + "  \"machine\": " + quote(machine) + ",\n"
                + "  \"processor\": " + quote(reference.processor()) + ",\n"
                + "  \"loopback_datagram_cpu_us\": " + number(reference.loopbackDatagramMicros()) + ",\n"
                + "  \"load_average_before\": " + number(loadBefore) + ",\n"
                + "  \"load_average_after\": " + number(loadAfter) + ",\n"
                + "  \"server_method\": " + quote(serverMethod) + ",\n"
                + "  \"client_sockets\": " + quote(clientSockets) + ",\n"
                + "  \"participants_requested\": " + requested + ",\n"
                + "  \"participants_connected\": " + connected + ",\n"
                + "  \"failures\": " + failed + ",\n"
                + "  \"join_reply_ms\": {\"p50\": " + number(joinReplyP50Millis) + ", \"p99\": "
                + number(joinReplyP99Millis) + ", \"n\": " + joinReplies + "},\n"
                + "  \"join_ms\": {\"p50\": " + number(joinP50Millis) + ", \"p99\": " + number(joinP99Millis)
                + ", \"max\": " + number(joinMaxMillis) + "},\n"
                + "  \"join_to_media_ms\": {\"p50\": " + number(joinToMediaP50Millis) + ", \"p99\": "
                + number(joinToMediaP99Millis) + ", \"n\": " + mediaJoins + "},\n"
                + "  \"media_during_joins\": " + phaseJson(mediaDuringJoins) + ",\n"
                + "  \"window_seconds\": " + number(windowSeconds) + ",\n"
                + "  \"packets_in_per_second\": " + number(sentPerSecond) + ",\n"
                + "  \"packets_out_per_second\": " + number(forwardedPerSecond) + ",\n"
                + "  \"packets_received_per_second\": " + number(receivedPerSecond) + ",\n"
                + "  \"server_packets_out_per_second\": " + number(serverPacketsOutPerSecond) + ",\n"
                + "  \"silent_receivers\": " + silentReceivers + ",\n"
                + "  \"loss_percent\": " + number(lossPercent) + ",\n"
                + "  \"latency_us\": {\"p50\": " + number(latencyP50Micros) + ", \"p99\": " + number(latencyP99Micros)
                + ", \"max\": " + number(latencyMaxMicros) + ", \"samples\": " + latencySamples
                + ", \"p99_by_slice\": " + sliceArray(latencyP99MicrosBySlice) + ", \"slice_seconds\": "
                + LoadRunner.SLICE_MILLIS / 1000
                + "},\n"
                + "  \"client_read_delay_p99_us\": " + number(clientReadDelayP99Micros) + ",\n"
                + "  \"server_forwarding_us\": {\"mean_in_window\": " + number(serverForwardingMeanMicros)
                + ", \"p50_since_start\": " + number(serverForwardingP50Micros) + ", \"p99_since_start\": "
                + number(serverForwardingP99Micros) + "},\n"
                + "  \"srtp_auth_failures\": " + authFailures + ",\n"
                + "  \"corrupt_payloads\": " + corrupted + ",\n"
                + "  \"send_failures\": " + sendFailures + ",\n"
                + "  \"server_cpu_seconds\": " + number(serverCpuSeconds) + ",\n"
                + "  \"server_cpu_percent_of_one_core\": " + number(serverCpuPercentOfCore()) + ",\n"
                + "  \"server_cpu_seconds_per_million_forwarded\": " + number(serverCpuSecondsPerMillion()) + ",\n"
                + "  \"softirq_seconds\": " + number(softirqSeconds) + ",\n"
                + "  \"client_receive_cpu_seconds\": " + number(clientReceiveCpuSeconds) + ",\n"
                + "  \"server_cpu_us_per_packet_without_delivery\": " + number(serverCpuMicrosPerPacketWithoutDelivery()) + ",\n"
                + "  \"server_cpu_per_packet_in_loopback_datagrams\": "
                + number(serverCpuPerPacketInLoopbackDatagrams()) + ",\n"
                + "  \"tool_cpu_seconds\": " + number(toolCpuSeconds) + ",\n"
                + "  \"server_heap_kb_per_participant\": " + number(serverHeapPerParticipantKb) + ",\n"
                + "  \"server_rss_kb_per_participant\": " + number(serverRssPerParticipantKb) + ",\n"
                + "  \"goals\": " + goals + ",\n"
                + "  \"abuse\": " + (abuse == null ? "null" : "{\"quiet_window\": " + phaseJson(abuse.quiet())
                        + ", \"abuse_window\": " + phaseJson(abuse.duringAbuse()) + ", \"bounds\": "
                        + abuse.attacks().boundsJson() + ", \"attacks\": " + abuse.attacks().attacksJson() + "}") + ",\n"
                + "  \"uplink_loss\": " + (uplink == null ? "null" : uplink.json()) + "\n"
                + "}\n";
    }

    private static String phaseJson(PhaseMedia media) {
        return "{\"seconds\": " + number(media.seconds()) + ", \"forwarded\": " + media.forwarded()
                + ", \"loss_percent\": " + number(media.lossPercent()) + ", \"latency_us\": {\"p50\": "
                + number(media.latencyP50Micros()) + ", \"p99\": " + number(media.latencyP99Micros()) + ", \"max\": "
                + number(media.latencyMaxMicros()) + ", \"samples\": " + media.latencySamples() + ", \"p99_by_slice\": "
                + sliceArray(media.latencyP99MicrosBySlice()) + "}}";
    }

    /** The slices' p99s in milliseconds, for the console. */
    private static String slices(List<Double> p99s) {
        StringJoiner out = new StringJoiner(" ", "", " ms");
        p99s.forEach(p99 -> out.add(p99 < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", p99 / 1000)));
        return out.toString();
    }

    private static String sliceArray(List<Double> p99s) {
        StringJoiner out = new StringJoiner(", ", "[", "]");
        p99s.forEach(p99 -> out.add(number(p99)));
        return out.toString();
    }

    static String number(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.4f", value) : "null";
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
