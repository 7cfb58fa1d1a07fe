package dev.calls.media.peer;

import dev.onvoid.webrtc.RTCStats;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.RTCStatsType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The RTP part of one {@code getStats()} report: every inbound and outbound RTP stream, plus the raw
 * report for anything else a test wants to look at.
 */
public record PeerStats(List<InboundRtp> inbound, List<OutboundRtp> outbound, RTCStatsReport raw) {

    public PeerStats {
        inbound = List.copyOf(inbound);
        outbound = List.copyOf(outbound);
    }

    static PeerStats of(RTCStatsReport report) {
        Map<String, RTCStats> all = report.getStats();
        List<InboundRtp> inbound = new ArrayList<>();
        List<OutboundRtp> outbound = new ArrayList<>();
        for (RTCStats stats : all.values()) {
            Map<String, Object> a = stats.getAttributes();
            if (stats.getType() == RTCStatsType.INBOUND_RTP) {
                inbound.add(new InboundRtp(stats.getId(), text(a, "kind"), number(a, "ssrc"), text(a, "mid"),
                        text(a, "trackIdentifier"), codec(all, a), number(a, "packetsReceived"),
                        number(a, "bytesReceived"), number(a, "packetsLost"), real(a, "audioLevel"),
                        real(a, "totalAudioEnergy"), number(a, "framesDecoded"), number(a, "keyFramesDecoded"),
                        number(a, "frameWidth"), number(a, "frameHeight"), number(a, "nackCount"),
                        number(a, "pliCount"), number(a, "firCount")));
            } else if (stats.getType() == RTCStatsType.OUTBOUND_RTP) {
                outbound.add(new OutboundRtp(stats.getId(), text(a, "kind"), number(a, "ssrc"), text(a, "mid"),
                        codec(all, a), number(a, "packetsSent"), number(a, "bytesSent"),
                        number(a, "framesEncoded"), number(a, "keyFramesEncoded"), number(a, "nackCount"),
                        number(a, "pliCount"), number(a, "firCount")));
            }
        }
        return new PeerStats(inbound, outbound, report);
    }

    /** Inbound streams of a kind ({@code audio} or {@code video}). */
    public List<InboundRtp> inbound(String kind) {
        return inbound.stream().filter(s -> kind.equals(s.kind())).toList();
    }

    /** Outbound streams of a kind. */
    public List<OutboundRtp> outbound(String kind) {
        return outbound.stream().filter(s -> kind.equals(s.kind())).toList();
    }

    /** The inbound stream of a remote track, matched by its mid. */
    public Optional<InboundRtp> inbound(RemoteTrack track) {
        return inbound.stream().filter(s -> track.mid().equals(s.mid())).findFirst();
    }

    /**
     * The remote end ({@code ip:port}) of the candidate pair the transport selected, if it selected one:
     * tells which of the other side's addresses the media actually flows to.
     */
    public Optional<String> selectedRemoteAddress() {
        Map<String, RTCStats> all = raw.getStats();
        return all.values().stream()
                .filter(s -> s.getType() == RTCStatsType.TRANSPORT)
                .map(s -> all.get(text(s.getAttributes(), "selectedCandidatePairId")))
                .filter(pair -> pair != null)
                .map(pair -> all.get(text(pair.getAttributes(), "remoteCandidateId")))
                .filter(candidate -> candidate != null)
                .map(candidate -> text(candidate.getAttributes(), "ip") + ":"
                        + number(candidate.getAttributes(), "port"))
                .findFirst();
    }

    private static String codec(Map<String, RTCStats> all, Map<String, Object> attributes) {
        Object codecId = attributes.get("codecId");
        RTCStats codec = codecId == null ? null : all.get(codecId.toString());
        return codec == null ? null : text(codec.getAttributes(), "mimeType");
    }

    private static String text(Map<String, Object> attributes, String name) {
        Object value = attributes.get(name);
        return value == null ? null : value.toString();
    }

    // webrtc-java maps unsigned 32-bit counters to Long and 64-bit ones to BigInteger: all are Numbers.
    private static long number(Map<String, Object> attributes, String name) {
        Object value = attributes.get(name);
        return value instanceof Number n ? n.longValue() : 0;
    }

    private static double real(Map<String, Object> attributes, String name) {
        Object value = attributes.get(name);
        return value instanceof Number n ? n.doubleValue() : 0;
    }
}
