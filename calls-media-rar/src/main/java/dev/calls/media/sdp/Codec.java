package dev.calls.media.sdp;

import java.util.List;
import java.util.Objects;

/**
 * One RTP payload format of an m-section: its {@code a=rtpmap} (RFC 8866 §6.6), {@code a=fmtp}
 * (§6.15) and {@code a=rtcp-fb} lines (RFC 4585 §4.2). {@code channels} is 0 when the rtpmap carries no
 * encoding parameter; {@code fmtp} is {@code null} without an fmtp line.
 */
public record Codec(int payloadType, String name, int clockRate, int channels, String fmtp,
        List<String> rtcpFeedback) {

    public static final String OPUS = "opus";
    public static final String VP8 = "VP8";

    public Codec {
        Objects.requireNonNull(name, "name");
        if (payloadType < 0 || payloadType > 127 || clockRate < 0 || channels < 0) {
            throw new IllegalArgumentException("payload type, clock rate or channels out of range");
        }
        rtcpFeedback = List.copyOf(rtcpFeedback);
    }

    /** Whether both describe the same format: name (case-insensitive, RFC 4855 §3), clock rate, channels. */
    public boolean sameFormat(Codec other) {
        return name.equalsIgnoreCase(other.name) && clockRate == other.clockRate
                && effectiveChannels() == other.effectiveChannels();
    }

    public boolean isNamed(String codecName) {
        return name.equalsIgnoreCase(codecName);
    }

    public Codec withPayloadType(int pt) {
        return new Codec(pt, name, clockRate, channels, fmtp, rtcpFeedback);
    }

    public Codec withRtcpFeedback(List<String> feedback) {
        return new Codec(payloadType, name, clockRate, channels, fmtp, feedback);
    }

    /** RFC 8866 §6.6: an rtpmap without encoding parameters means one channel. */
    private int effectiveChannels() {
        return channels == 0 ? 1 : channels;
    }

    /** The part of {@code a=rtpmap} after the payload type: {@code opus/48000/2}. */
    String rtpmapValue() {
        return channels == 0 ? name + '/' + clockRate : name + '/' + clockRate + '/' + channels;
    }

    /** Reads {@code a=rtpmap} without fmtp and feedback, which the parser adds from their own lines. */
    static Codec parseRtpmap(String value) throws SdpParseException {
        String[] t = SdpTokens.split(value);
        if (t.length != 2) {
            throw new SdpParseException("a=rtpmap needs 'payload-type name/clock-rate[/channels]'");
        }
        int pt = parsePayloadType(t[0]);
        String[] parts = t[1].split("/", -1);
        if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty()) {
            throw new SdpParseException("a=rtpmap encoding '" + t[1] + "' is not name/clock-rate[/channels]");
        }
        int clockRate = SdpTokens.parseInt(parts[1], 1, Integer.MAX_VALUE, "clock rate");
        int channels = parts.length == 3 ? SdpTokens.parseInt(parts[2], 1, 255, "channel count") : 0;
        return new Codec(pt, parts[0], clockRate, channels, null, List.of());
    }

    static int parsePayloadType(String token) throws SdpParseException {
        return SdpTokens.parseInt(token, 0, 127, "payload type");
    }
}
