package dev.calls.media.sfu;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

import dev.calls.media.LatencyHistogram;
import dev.calls.media.ice.BindingOutcome;
import dev.calls.media.ice.IceLiteResponder;
import dev.calls.media.rtp.FullIntraRequest;
import dev.calls.media.rtp.GenericNack;
import dev.calls.media.rtp.PictureLossIndication;
import dev.calls.media.rtp.RtcpCompound;
import dev.calls.media.rtp.RtpPacket;
import dev.calls.media.rtp.SenderReport;
import dev.calls.media.srtp.SrtpProfile;
import dev.calls.media.transport.UdpSender;

/**
 * The working memory of one media thread: the buffer a forwarded packet is copied into before it is
 * encrypted for one subscriber, and reusable packet views. One per receive thread and one per forwarding
 * worker, so the packet path allocates nothing and shares nothing between threads.
 */
public final class ForwardBuffers {

    /** Largest datagram handled plus the most SRTP/SRTCP adds to it. */
    static final int SIZE = 2048 + SrtpProfile.MAX_EXPANSION + 16;

    final byte[] out = new byte[SIZE];
    /** A view of {@link #out} reused for every send, so that sending allocates nothing. */
    private final ByteBuffer outView = ByteBuffer.wrap(out);
    final RtpPacket rtp = new RtpPacket();
    final RtpPacket outRtp = new RtpPacket();
    final RtcpCompound compound = new RtcpCompound();
    final SenderReport senderReport = new SenderReport();
    final GenericNack nack = new GenericNack();
    final PictureLossIndication pli = new PictureLossIndication();
    final FullIntraRequest fir = new FullIntraRequest();
    final int[] lost = new int[17 * 64];
    private final UdpSender sender;
    /** Written by the owning thread only; volatile so that monitoring threads read a current value. */
    private volatile long sendFailures;
    /** When the packet now being forwarded arrived ({@link System#nanoTime()}), set by the worker before sending it. */
    long receivedAtNanos;
    /** Receive-to-send time of each packet this thread forwards; read by monitoring threads. */
    private final LatencyHistogram forwarding = new LatencyHistogram();
    /** Answers checks for ufrags no session owns: 401, and nothing is remembered (RFC 8445 §7.3). */
    private final IceLiteResponder stranger = new IceLiteResponder("unknownsession", "unknownsessionunknownsession", null);

    /** @param sender the socket this thread sends on, so that sends spread over the port's sockets */
    public ForwardBuffers(UdpSender sender) {
        this.sender = sender;
    }

    /** Sends {@code out[0, len)}; a datagram the socket refuses is counted and dropped (it is media: no retry). */
    void send(int len, InetSocketAddress to) {
        outView.clear().limit(len);
        if (sender.send(outView, to)) {
            forwarding.record(System.nanoTime() - receivedAtNanos);
        } else {
            sendFailures = sendFailures + 1;
        }
    }

    /** The forwarding latency of this thread's packets (answers to NACKs included). */
    public LatencyHistogram forwardingLatency() {
        return forwarding;
    }

    /** Datagrams of this thread the socket refused (kernel send buffer full, socket closed). */
    public long sendFailures() {
        return sendFailures;
    }

    /**
     * Answers a STUN binding request whose ufrag belongs to no session with 401 Unauthenticated
     * (RFC 8489 §9.1.3) and keeps nothing of it; anything else that is not a valid request is ignored.
     */
    public void refuseUnknownCheck(byte[] buf, int off, int len, InetSocketAddress from) {
        if (stranger.respond(buf, off, len, from, out, 0) == BindingOutcome.ERROR_RESPONSE) {
            sender.send(out, 0, stranger.responseLength(), from);
        }
    }
}
