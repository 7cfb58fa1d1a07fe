package dev.calls.load.client;

import java.util.StringJoiner;

/**
 * The first offer of a simulated browser, shaped like Chrome's (see the engine's captured offers): one
 * BUNDLE group, rtcp-mux, trickle ICE options, its fingerprint and {@code a=setup:actpass} (RFC 8829 §5.2.1),
 * an Opus audio section — sendrecv with its SSRC and msid for a speaker, recvonly for a listener, as a
 * browser without a microphone track offers — and, for a screen sharer, a sendonly VP8 section whose msid
 * names the screen stream. Codec lists are cut to what the engine forwards (Opus, VP8 with RTX).
 */
public final class ClientOffer {

    /** Payload types and extension ids as Chrome numbers them; the engine's answer keeps them. */
    public static final int OPUS_PAYLOAD_TYPE = 111;
    public static final int VP8_PAYLOAD_TYPE = 96;
    public static final int AUDIO_LEVEL_ID = 1;
    public static final int MID_ID = 4;
    public static final String AUDIO_MID = "0";
    public static final String SCREEN_MID = "1";

    private ClientOffer() {
    }

    /** The offer text; {@code sessionVersion} counts the client's descriptions (RFC 8866 §5.2). */
    public static String write(ClientIdentity identity, boolean sendsAudio, long sessionId, long sessionVersion) {
        StringJoiner sdp = new StringJoiner("\r\n", "", "\r\n");
        sdp.add("v=0");
        sdp.add("o=- " + sessionId + " " + sessionVersion + " IN IP4 127.0.0.1");
        sdp.add("s=-");
        sdp.add("t=0 0");
        sdp.add(identity.sharesScreen() ? "a=group:BUNDLE " + AUDIO_MID + " " + SCREEN_MID : "a=group:BUNDLE " + AUDIO_MID);
        sdp.add("a=extmap-allow-mixed");
        sdp.add("a=msid-semantic: WMS");
        audio(sdp, identity, sendsAudio);
        if (identity.sharesScreen()) {
            screen(sdp, identity);
        }
        return sdp.toString();
    }

    private static void audio(StringJoiner sdp, ClientIdentity identity, boolean sends) {
        sdp.add("m=audio 9 UDP/TLS/RTP/SAVPF " + OPUS_PAYLOAD_TYPE);
        transport(sdp, identity, AUDIO_MID);
        sdp.add("a=extmap:" + AUDIO_LEVEL_ID + " urn:ietf:params:rtp-hdrext:ssrc-audio-level");
        sdp.add("a=extmap:" + MID_ID + " urn:ietf:params:rtp-hdrext:sdes:mid");
        sdp.add(sends ? "a=sendrecv" : "a=recvonly");
        if (sends) {
            sdp.add("a=msid:" + identity.audioStreamId() + " " + identity.audioTrackId());
        }
        sdp.add("a=rtcp-mux");
        sdp.add("a=rtcp-rsize");
        sdp.add("a=rtpmap:" + OPUS_PAYLOAD_TYPE + " opus/48000/2");
        sdp.add("a=rtcp-fb:" + OPUS_PAYLOAD_TYPE + " transport-cc");
        sdp.add("a=fmtp:" + OPUS_PAYLOAD_TYPE + " minptime=10;useinbandfec=1");
        if (sends) {
            sources(sdp, identity.audioSsrc(), identity.cname(), identity.audioStreamId(), identity.audioTrackId());
        }
    }

    private static void screen(StringJoiner sdp, ClientIdentity identity) {
        int rtx = VP8_PAYLOAD_TYPE + 1;
        sdp.add("m=video 9 UDP/TLS/RTP/SAVPF " + VP8_PAYLOAD_TYPE + " " + rtx);
        transport(sdp, identity, SCREEN_MID);
        sdp.add("a=extmap:" + MID_ID + " urn:ietf:params:rtp-hdrext:sdes:mid");
        sdp.add("a=sendonly");
        sdp.add("a=msid:" + identity.screenStreamId() + " " + identity.screenTrackId());
        sdp.add("a=rtcp-mux");
        sdp.add("a=rtcp-rsize");
        sdp.add("a=rtpmap:" + VP8_PAYLOAD_TYPE + " VP8/90000");
        for (String feedback : new String[] {"goog-remb", "transport-cc", "ccm fir", "nack", "nack pli"}) {
            sdp.add("a=rtcp-fb:" + VP8_PAYLOAD_TYPE + " " + feedback);
        }
        sdp.add("a=rtpmap:" + rtx + " rtx/90000");
        sdp.add("a=fmtp:" + rtx + " apt=" + VP8_PAYLOAD_TYPE);
        sources(sdp, identity.screenSsrc(), identity.cname(), identity.screenStreamId(), identity.screenTrackId());
    }

    private static void transport(StringJoiner sdp, ClientIdentity identity, String mid) {
        sdp.add("c=IN IP4 0.0.0.0");
        sdp.add("a=rtcp:9 IN IP4 0.0.0.0");
        sdp.add("a=ice-ufrag:" + identity.ice().ufrag());
        sdp.add("a=ice-pwd:" + identity.ice().password());
        sdp.add("a=ice-options:trickle");
        sdp.add("a=fingerprint:" + identity.certificate().fingerprint().toSdp());
        sdp.add("a=setup:actpass");
        sdp.add("a=mid:" + mid);
    }

    private static void sources(StringJoiner sdp, int ssrc, String cname, String streamId, String trackId) {
        long unsigned = Integer.toUnsignedLong(ssrc);
        sdp.add("a=ssrc:" + unsigned + " cname:" + cname);
        sdp.add("a=ssrc:" + unsigned + " msid:" + streamId + " " + trackId);
    }
}
