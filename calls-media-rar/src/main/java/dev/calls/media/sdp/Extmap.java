package dev.calls.media.sdp;

import java.util.Objects;

/**
 * {@code a=extmap} (RFC 8285 §5): an RTP header extension's local id, optional direction, URI and
 * extension attributes ({@code null} when absent).
 */
public record Extmap(int id, Direction direction, String uri, String attributes) {

    /** RFC 6464 client-to-mixer audio level. */
    public static final String AUDIO_LEVEL = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";
    /** RFC 8843 §15.1 the mid of the m-section a packet belongs to, for demultiplexing a bundle. */
    public static final String SDES_MID = "urn:ietf:params:rtp-hdrext:sdes:mid";

    /** Ids 1-14 fit the one-byte header form, up to 255 the two-byte form (RFC 8285 §4.2, §4.3). */
    static final int MAX_ID = 255;

    public Extmap {
        Objects.requireNonNull(uri, "uri");
        if (id < 1 || id > MAX_ID) {
            throw new IllegalArgumentException("extmap id out of range: " + id);
        }
    }

    public Extmap(int id, String uri) {
        this(id, null, uri, null);
    }

    static Extmap parse(String value) throws SdpParseException {
        String[] idAndRest = SdpTokens.splitFirst(value);
        String[] uriAndAttributes = SdpTokens.splitFirst(idAndRest[1]);
        if (uriAndAttributes[0].isEmpty()) {
            throw new SdpParseException("a=extmap needs 'id[/direction] uri'");
        }
        String idToken = idAndRest[0];
        Direction direction = null;
        int slash = idToken.indexOf('/');
        if (slash >= 0) {
            direction = Direction.fromToken(idToken.substring(slash + 1));
            if (direction == null) {
                throw new SdpParseException("a=extmap direction '" + idToken.substring(slash + 1)
                        + "' is not sendrecv, sendonly, recvonly or inactive");
            }
            idToken = idToken.substring(0, slash);
        }
        int id = SdpTokens.parseInt(idToken, 1, MAX_ID, "extmap id");
        String attributes = uriAndAttributes[1].isEmpty() ? null : uriAndAttributes[1];
        return new Extmap(id, direction, uriAndAttributes[0], attributes);
    }

    String sdpValue() {
        StringBuilder b = new StringBuilder().append(id);
        if (direction != null) {
            b.append('/').append(direction.token());
        }
        b.append(' ').append(uri);
        if (attributes != null) {
            b.append(' ').append(attributes);
        }
        return b.toString();
    }
}
