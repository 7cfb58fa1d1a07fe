package dev.calls.media.sdp;

/** The {@code t=} line (RFC 8866 §5.9); WebRTC always writes {@code t=0 0}, an unbounded session. */
public record Timing(long start, long stop) {

    public static final Timing UNBOUNDED = new Timing(0, 0);

    public Timing {
        if (start < 0 || stop < 0) {
            throw new IllegalArgumentException("times are unsigned");
        }
    }

    static Timing parse(String value) throws SdpParseException {
        String[] t = SdpTokens.split(value);
        if (t.length != 2) {
            throw new SdpParseException("t= needs 2 fields (start stop), found " + t.length);
        }
        return new Timing(SdpTokens.parseLong(t[0], 0, Long.MAX_VALUE, "start time"),
                SdpTokens.parseLong(t[1], 0, Long.MAX_VALUE, "stop time"));
    }

    String sdpValue() {
        return start + " " + stop;
    }
}
