package dev.calls.media.sdp;

/** Writes a forwarded track into an m-section the server sends on. */
final class SendTracks {

    private SendTracks() {
    }

    /**
     * {@code a=msid} (RFC 8830 §2) labels the track for the browser's {@code ontrack}; {@code a=ssrc} with
     * cname and msid (RFC 5576 §4.1) tells the client the SSRC ahead of the first packet.
     */
    static void describe(MediaDescription.Builder section, SendTrack track) {
        section.msid(track.msid());
        section.ssrc(new SsrcAttribute(track.ssrc(), SsrcAttribute.CNAME, track.cname()));
        section.ssrc(new SsrcAttribute(track.ssrc(), SsrcAttribute.MSID, track.msid().sdpValue()));
    }
}
