package dev.calls.media.sfu;

import java.security.SecureRandom;

import dev.calls.limits.Limit;
import dev.calls.media.rtp.FeedbackPacket;
import dev.calls.media.rtp.GenericNack;
import dev.calls.media.rtp.PictureLossIndication;
import dev.calls.media.rtp.RtcpPacketType;
import dev.calls.media.srtp.SrtpProfile;

/**
 * The RTCP of one session. What its client sends is routed: feedback about the tracks it receives goes to
 * their publishers (PLI, FIR) or is answered from the packet history (NACK); sender reports feed the
 * statistics of its own tracks. Receiver reports, SDES, BYE, REMB and transport-wide feedback are not used.
 * What the engine sends the client, under this session's own SSRC: NACKs and keyframe requests for the
 * tracks it publishes, and receiver reports about them.
 */
final class RtcpRouter {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final int rtcpSsrc = RANDOM.nextInt();
    private final SessionTracks tracks;
    private final SessionTransport transport;
    private final Forwarding forwarding;
    private final int forwardWorker;
    /** A NACK naming every packet a track may miss at once, encrypted in place; guarded by itself. */
    private final byte[] nackPacket = new byte[GenericNack.MIN_LENGTH
            + GenericNack.ITEM_LENGTH * Limit.NACK_MISSING_PACKETS.value() + SrtpProfile.MAX_EXPANSION];

    /**
     * @param forwardWorker the forwarding worker of this session, which alone sends its RTP (retransmissions too)
     */
    RtcpRouter(SessionTracks tracks, SessionTransport transport, Forwarding forwarding, int forwardWorker) {
        this.tracks = tracks;
        this.transport = transport;
        this.forwarding = forwarding;
        this.forwardWorker = forwardWorker;
    }

    /** A decrypted compound RTCP packet (RFC 3550 §6.1) from this session's client, on its receive thread. */
    void route(ForwardBuffers buffers, byte[] buf, int off, int len, long nowNanos) {
        if (!buffers.compound.wrap(buf, off, len)) {
            return;
        }
        while (buffers.compound.next()) {
            int at = buffers.compound.packetOffset();
            int length = buffers.compound.packetLength();
            int type = buffers.compound.packetType();
            int fmt = buffers.compound.count();
            if (type == RtcpPacketType.SENDER_REPORT && buffers.senderReport.wrap(buf, at, length)) {
                PublishedTrack track = tracks.publishedSsrc(buffers.senderReport.senderSsrc());
                if (track != null) {
                    track.onSenderReport(buffers.senderReport.ntpTimestamp(), nowNanos);
                }
            } else if (type == RtcpPacketType.PAYLOAD_FEEDBACK && fmt == FeedbackPacket.FMT_PLI && buffers.pli.wrap(buf, at, length)) {
                keyframeWanted(buffers.pli.mediaSsrc(), nowNanos);
            } else if (type == RtcpPacketType.PAYLOAD_FEEDBACK && fmt == FeedbackPacket.FMT_FIR && buffers.fir.wrap(buf, at, length)) {
                for (int i = 0; i < buffers.fir.entryCount(); i++) {
                    keyframeWanted(buffers.fir.entrySsrc(i), nowNanos);
                }
            } else if (type == RtcpPacketType.TRANSPORT_FEEDBACK && fmt == FeedbackPacket.FMT_GENERIC_NACK
                    && buffers.nack.wrap(buf, at, length)) {
                retransmit(buffers, buffers.nack.mediaSsrc(), nowNanos);
            }
        }
    }

    private void keyframeWanted(int ssrc, long nowNanos) {
        Subscription subscription = tracks.receivingSsrc(ssrc);
        if (subscription != null) {
            subscription.track().requestKeyframe(nowNanos);
        }
    }

    /**
     * Answers a NACK (RFC 4585 §6.2.1) from the track's history: each packet is queued for this session's
     * forwarding worker, which encrypts it anew, so that only that thread sends this session's RTP.
     */
    private void retransmit(ForwardBuffers buffers, int ssrc, long nowNanos) {
        Subscription subscription = tracks.receivingSsrc(ssrc);
        if (subscription == null) {
            return;
        }
        int count = buffers.nack.lostSequences(buffers.lost);
        for (int i = 0; i < count; i++) {
            int length = subscription.track().copyFromHistory(buffers.lost[i], buffers.out);
            if (length > 0) {
                forwarding.offer(forwardWorker, subscription, buffers.out, 0, length, nowNanos);
            }
        }
    }

    /** Asks this session's client for a keyframe of one of its tracks (RFC 4585 §6.3.1). */
    void requestKeyframe(int mediaSsrc) {
        byte[] packet = new byte[PictureLossIndication.MIN_LENGTH + 64];
        transport.sendRtcp(packet, PictureLossIndication.write(packet, 0, rtcpSsrc, mediaSsrc));
    }

    /**
     * Asks this session's client for lost packets of one of its tracks (RFC 4585 §6.2.1), from the track's
     * receive thread or the timer, without allocating.
     */
    void requestRetransmission(int mediaSsrc, int[] sequences, int count) {
        synchronized (nackPacket) {
            transport.sendRtcp(nackPacket, GenericNack.write(nackPacket, 0, rtcpSsrc, mediaSsrc, sequences, count));
        }
    }

    /** Repeats the overdue requests for lost packets of every track the client publishes. */
    void retryLostPackets(long nowNanos) {
        for (PublishedTrack track : tracks.published()) {
            track.retryLostPackets(nowNanos);
        }
    }

    /** One receiver report (RFC 3550 §6.4.2) about each track the client publishes. */
    void sendReceiverReports(long nowNanos) {
        for (PublishedTrack track : tracks.published()) {
            byte[] report = new byte[128];
            transport.sendRtcp(report, track.writeReceiverReport(report, rtcpSsrc, nowNanos));
        }
    }
}
