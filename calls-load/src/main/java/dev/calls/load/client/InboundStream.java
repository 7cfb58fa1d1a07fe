package dev.calls.load.client;

import dev.calls.load.video.FrameAssembler;
import dev.calls.load.video.FrameTimes;
import dev.calls.media.rtp.RtpPacket;
import dev.calls.media.rtp.SequenceUnwrapper;

/**
 * What one simulated participant received of one forwarded source (an SSRC): packets, and the extended
 * sequence numbers of the first and highest, from which the packets the server sent are counted
 * (RFC 3550 §6.4.1 "expected"); the server keeps a forwarded source's sequence gap-free, so
 * expected − received is loss. A video stream may also be watched: its frames are assembled as a decoder
 * would ({@link FrameAssembler}) and the times they would be shown kept. Written by the participant's
 * network thread only; read by the reporter.
 */
public final class InboundStream {

    final int ssrc;
    private final SequenceUnwrapper sequences = new SequenceUnwrapper();
    private long first = -1;
    private volatile long received;
    private volatile long highest;
    private final FrameTimes shown;
    private final FrameAssembler frames;

    InboundStream(int ssrc) {
        this(ssrc, false);
    }

    InboundStream(int ssrc, boolean watched) {
        this.ssrc = ssrc;
        this.shown = watched ? new FrameTimes() : null;
        this.frames = watched ? new FrameAssembler(shown) : null;
    }

    /** Counts a packet; returns its extended sequence number. */
    long onPacket(int sequenceNumber) {
        long extended = sequences.unwrap(sequenceNumber);
        if (first < 0) {
            first = extended;
        }
        received++;
        highest = sequences.highest();
        return extended;
    }

    /**
     * Gives a watched stream's frames a decrypted packet of it, when it is VP8 (others, and unwatched
     * streams, are not looked at).
     *
     * @param sequence the packet's extended sequence number, from {@link #onPacket}
     * @return whether to ask the sender for a keyframe now ({@link FrameAssembler#keyframeDue})
     */
    boolean onDecrypted(RtpPacket packet, long sequence, long nowNanos) {
        if (frames == null || packet.payloadType() != ClientOffer.VP8_PAYLOAD_TYPE
                || packet.payloadLength() < Probe.LENGTH + Vp8Descriptor.LENGTH) {
            return false;
        }
        int payload = packet.payloadOffset();
        frames.onPacket(sequence, packet.timestamp(), packet.marker(), Vp8Descriptor.isFrameStart(packet.array(), payload),
                Vp8Descriptor.isKeyframe(packet.array(), payload), nowNanos);
        return frames.keyframeDue(nowNanos);
    }

    /** When the frames of a watched stream would have been shown; null when it is not watched. */
    public FrameTimes shownFrames() {
        return shown;
    }

    public int ssrc() {
        return ssrc;
    }

    public long received() {
        return received;
    }

    /** Packets the server sent between the first and the highest received, both included. */
    public long expected() {
        long start = first;
        return start < 0 ? 0 : highest - start + 1;
    }
}
