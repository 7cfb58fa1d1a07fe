package dev.calls.media.sfu;

import java.net.InetSocketAddress;

import dev.calls.media.LatencyHistogram;
import dev.calls.media.ice.BindingOutcome;
import dev.calls.media.ice.IceLiteResponder;
import dev.calls.media.ice.UnknownCheckReplies;
import dev.calls.media.rtp.FullIntraRequest;
import dev.calls.media.rtp.GenericNack;
import dev.calls.media.rtp.PictureLossIndication;
import dev.calls.media.rtp.RtcpCompound;
import dev.calls.media.rtp.RtpPacket;
import dev.calls.media.rtp.SenderReport;
import dev.calls.media.srtp.SrtpProfile;
import dev.calls.media.transport.DatagramBatch;
import dev.calls.media.transport.Destination;
import dev.calls.media.transport.PacketSender;

/**
 * The working memory of one media thread: the buffer a forwarded packet is copied into before it is
 * encrypted for one subscriber, the batch its encrypted copies wait in to be sent together, and reusable
 * packet views. One per receive thread and one per forwarding worker, so the packet path allocates nothing
 * and shares nothing between threads.
 */
public final class ForwardBuffers {

    /** Largest datagram handled plus the most SRTP/SRTCP adds to it. */
    static final int SIZE = 2048 + SrtpProfile.MAX_EXPANSION + 16;

    /**
     * Datagrams a forwarding worker sends together. 64: the fixed cost of a system call (≈ 0.4 µs to enter,
     * look up the socket and return) is then < 1 % of a batch's, a 500-subscriber fan-out takes 8 calls, and
     * the first datagram of a full batch waits only for the copy, rewrite and encryption of the 63 after it
     * (≈ 1 µs each, so < 0.1 ms, far below the 5 ms latency goal). Larger batches would save nothing
     * measurable; the kernel takes up to 1024 (UIO_MAXIOV) per call.
     */
    static final int WORKER_BATCH = 64;

    final byte[] out = new byte[SIZE];
    final RtpPacket rtp = new RtpPacket();
    final RtpPacket outRtp = new RtpPacket();
    final RtcpCompound compound = new RtcpCompound();
    final SenderReport senderReport = new SenderReport();
    final GenericNack nack = new GenericNack();
    final PictureLossIndication pli = new PictureLossIndication();
    final FullIntraRequest fir = new FullIntraRequest();
    final int[] lost = new int[17 * 64];
    private final PacketSender sender;
    private final DatagramBatch batch;
    /** When the packet of each datagram in the batch arrived, for the forwarding-latency histogram. */
    private final long[] batchReceivedAt;
    /** Written by the owning thread only; volatile so that monitoring threads read a current value. */
    private volatile long sendFailures;
    /** When the packet now being forwarded arrived ({@link System#nanoTime()}), set by the worker before delivering it. */
    long receivedAtNanos;
    /** Receive-to-send time of each packet this thread forwards; read by monitoring threads. */
    private final LatencyHistogram forwarding = new LatencyHistogram();
    /** Answers checks for ufrags no session owns: 401, and nothing is remembered (RFC 8445 §7.3). */
    private final IceLiteResponder stranger = new IceLiteResponder("unknownsession", "unknownsessionunknownsession", null);
    /** Whether those answers may go (shared by the port's receive threads); null on a forwarding worker. */
    private final UnknownCheckReplies strangerReplies;

    /**
     * The buffers of a receive thread, which sends only control packets (STUN, DTLS, RTCP), one at a time
     * (its batch, of one, stays unused).
     *
     * @param sender          the socket this thread sends on, so that sends spread over the port's sockets
     * @param strangerReplies the port's limit on replies to checks from unknown sources
     */
    public ForwardBuffers(PacketSender sender, UnknownCheckReplies strangerReplies) {
        this(sender, 1, strangerReplies);
    }

    /**
     * The buffers of a forwarding worker, which never answers checks.
     *
     * @param batchSize forwarded datagrams sent together ({@link #WORKER_BATCH} for a forwarding worker)
     */
    ForwardBuffers(PacketSender sender, int batchSize) {
        this(sender, batchSize, null);
    }

    private ForwardBuffers(PacketSender sender, int batchSize, UnknownCheckReplies strangerReplies) {
        this.sender = sender;
        this.strangerReplies = strangerReplies;
        this.batch = new DatagramBatch(batchSize, SIZE);
        this.batchReceivedAt = new long[batchSize];
    }

    /**
     * Queues {@code out[0, len)} for {@code to} in the batch, which goes out when it is full or at the next
     * {@link #flush()}. The copy into the batch's direct buffer replaces the one {@code DatagramChannel.send}
     * made from a heap buffer into its temporary direct one; encrypting in the slot itself would need the
     * SRTP ciphers to work on direct buffers. A peer on an ICE-TCP connection is sent to at once, through it:
     * its frames go into that connection's own send buffer, not the port's sockets.
     */
    void send(int len, Destination to) {
        PacketSender connection = to.connection();
        if (connection != null) {
            if (connection.send(out, 0, len, to.address())) {
                forwarding.record(System.nanoTime() - receivedAtNanos);
            } else {
                sendFailures = sendFailures + 1;
            }
            return;
        }
        batchReceivedAt[batch.count()] = receivedAtNanos;
        batch.add(out, 0, len, to);
        if (batch.isFull()) {
            flush();
        }
    }

    /**
     * Sends the batched datagrams; each one the socket refuses is counted and dropped (it is media: no retry).
     * The forwarding latency of each is taken now, when it is handed to the kernel.
     */
    void flush() {
        if (batch.isEmpty()) {
            return;
        }
        sender.send(batch);
        long now = System.nanoTime();
        int failed = 0;
        for (int i = 0; i < batch.count(); i++) {
            if (batch.sent(i)) {
                forwarding.record(now - batchReceivedAt[i]);
            } else {
                failed++;
            }
        }
        if (failed > 0) {
            sendFailures = sendFailures + failed;
        }
        batch.clear();
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
     * (RFC 8489 §9.1.3), or 400 when it lacks the attributes to say, and keeps nothing of it; anything else
     * that is not a valid request is ignored. The answer is dropped (and counted) when it would be larger
     * than the request or the port's rate of such answers is spent ({@link UnknownCheckReplies}).
     */
    public void refuseUnknownCheck(byte[] buf, int off, int len, InetSocketAddress from) {
        if (stranger.respond(buf, off, len, from, out, 0) == BindingOutcome.ERROR_RESPONSE
                && strangerReplies.allow(len, stranger.responseLength(), System.nanoTime())) {
            sender.send(out, 0, stranger.responseLength(), from);
        }
    }
}
