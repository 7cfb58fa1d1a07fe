package dev.calls.media.sdp;

/** The media direction attributes of RFC 8866 §6.7, seen from the side that wrote them. */
public enum Direction {
    SENDRECV("sendrecv", true, true),
    SENDONLY("sendonly", true, false),
    RECVONLY("recvonly", false, true),
    INACTIVE("inactive", false, false);

    private final String token;
    private final boolean sends;
    private final boolean receives;

    Direction(String token, boolean sends, boolean receives) {
        this.token = token;
        this.sends = sends;
        this.receives = receives;
    }

    public String token() {
        return token;
    }

    public boolean sends() {
        return sends;
    }

    public boolean receives() {
        return receives;
    }

    public static Direction of(boolean sends, boolean receives) {
        if (sends) {
            return receives ? SENDRECV : SENDONLY;
        }
        return receives ? RECVONLY : INACTIVE;
    }

    /**
     * Whether an answer may carry this direction for an offer with {@code offered} (RFC 3264 §6.1):
     * the answerer may only send what the offerer receives and receive what it sends.
     */
    public boolean isAnswerTo(Direction offered) {
        return (!sends || offered.receives) && (!receives || offered.sends);
    }

    /** The direction for a token, or {@code null} when the token is not a direction attribute. */
    static Direction fromToken(String name) {
        for (Direction d : values()) {
            if (d.token.equals(name)) {
                return d;
            }
        }
        return null;
    }
}
