package dev.calls.load.client;

import java.util.concurrent.atomic.LongAdder;

import dev.calls.media.rtp.FeedbackPacket;
import dev.calls.media.rtp.GenericNack;
import dev.calls.media.rtp.RtcpCompound;
import dev.calls.media.rtp.RtcpPacketType;
import dev.calls.media.srtp.SrtpSender;

/**
 * A simulated browser's screen share: frames at the configured rate and bit rate, each cut into packets
 * whose marker bit ends the frame (RFC 7741 §4.1) and whose first starts it ({@link Vp8Descriptor}); a
 * keyframe, {@link #KEYFRAME_SIZE} times a frame's size as a screen's is, first and whenever the server asks
 * with a PLI or FIR (RFC 4585 §6.3.1, RFC 5104 §3.5.1). Like a browser, it answers the server's Generic
 * NACKs (RFC 4585 §6.2.1) by sending the packets named again from {@link SentPackets}, unless told not to.
 *
 * <p>Frames are sent on the media timer and retransmissions on the network thread; both hold the
 * participant's send lock, which guards its SRTP sender.
 */
final class ScreenSender {

    static final int KEYFRAME_SIZE = 4;
    private static final int VIDEO_CLOCK_RATE = 90_000;
    /** A NACK's entries name at most 17 packets each; the engine sends at most 256 at once. */
    private static final int MAX_NACKED = 512;

    /** Where a protected packet goes: the participant's uplink, impaired or not. */
    @FunctionalInterface
    interface Uplink {
        void transmit(byte[] buf, int off, int len, boolean repeat);
    }

    private final RtpWriter writer;
    private final int ssrc;
    private final MediaShape shape;
    private final SrtpSender srtp;
    private final Object sendLock;
    private final Uplink uplink;
    private final int senderId;
    private final ClientStats stats;
    private final byte[] buffer = new byte[1500];
    private final SentPackets sent = new SentPackets();
    private final RtcpCompound compound = new RtcpCompound();
    private final GenericNack nack = new GenericNack();
    private final int[] lost = new int[MAX_NACKED];
    private final LongAdder nacked = new LongAdder();
    private final LongAdder repeated = new LongAdder();
    private final LongAdder keyframeRequests = new LongAdder();
    private int timestamp;
    private volatile boolean keyframeWanted = true;
    private volatile boolean answersNacks = true;

    ScreenSender(RtpWriter writer, int ssrc, int firstTimestamp, MediaShape shape, SrtpSender srtp, Object sendLock,
            Uplink uplink, int senderId, ClientStats stats) {
        this.writer = writer;
        this.ssrc = ssrc;
        this.timestamp = firstTimestamp;
        this.shape = shape;
        this.srtp = srtp;
        this.sendLock = sendLock;
        this.uplink = uplink;
        this.senderId = senderId;
        this.stats = stats;
    }

    /** Sends the next frame; on the media timer. */
    void sendFrame() {
        boolean keyframe = keyframeWanted;
        keyframeWanted = false;
        int left = shape.screenBitrate() / 8 / shape.screenFps() * (keyframe ? KEYFRAME_SIZE : 1);
        boolean first = true;
        while (left > 0) {
            int payload = Math.min(left, shape.screenPacketPayload());
            left -= payload;
            send(left == 0, first, keyframe, Math.max(payload, Probe.LENGTH + Vp8Descriptor.LENGTH));
            first = false;
        }
        timestamp += VIDEO_CLOCK_RATE / shape.screenFps();
    }

    private void send(boolean marker, boolean frameStart, boolean keyframe, int payloadLength) {
        synchronized (sendLock) {
            int length = writer.write(buffer, timestamp, marker, payloadLength, 0, senderId, System.nanoTime());
            Vp8Descriptor.write(buffer, RtpWriter.HEADER_LENGTH, frameStart, keyframe);
            int sequence = (buffer[2] & 0xFF) << 8 | buffer[3] & 0xFF;
            int protectedLength = srtp.protectRtp(buffer, 0, length);
            if (protectedLength > 0) {
                sent.store(sequence, buffer, 0, protectedLength);
                uplink.transmit(buffer, 0, protectedLength, false);
                stats.rtpSent.increment();
            }
        }
    }

    /** Takes the server's feedback, a decrypted compound RTCP packet; on the network thread. */
    void onRtcp(byte[] buf, int off, int len) {
        if (!compound.wrap(buf, off, len)) {
            return;
        }
        while (compound.next()) {
            int type = compound.packetType();
            int fmt = compound.count();
            if (type == RtcpPacketType.TRANSPORT_FEEDBACK && fmt == FeedbackPacket.FMT_GENERIC_NACK
                    && nack.wrap(compound.array(), compound.packetOffset(), compound.packetLength())
                    && nack.mediaSsrc() == ssrc) {
                nacked.increment();
                if (answersNacks) {
                    repeat(nack.lostSequences(lost));
                }
            } else if (type == RtcpPacketType.PAYLOAD_FEEDBACK
                    && (fmt == FeedbackPacket.FMT_PLI || fmt == FeedbackPacket.FMT_FIR)) {
                keyframeRequests.increment();
                keyframeWanted = true;
            }
        }
    }

    private void repeat(int count) {
        synchronized (sendLock) {
            for (int i = 0; i < count; i++) {
                int length = sent.copy(lost[i], buffer);
                if (length > 0) {
                    uplink.transmit(buffer, 0, length, true);
                    repeated.increment();
                }
            }
        }
    }

    /** Whether NACKs are answered: off, the server's requests go unanswered, as if it never asked. */
    void answerNacks(boolean answer) {
        answersNacks = answer;
    }

    /** What the publisher saw of the server's repair requests, and did about them. */
    UplinkFeedback feedback() {
        return new UplinkFeedback(nacked.sum(), repeated.sum(), keyframeRequests.sum());
    }
}
