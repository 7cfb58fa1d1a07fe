package dev.calls.media.sfu;

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
 * encrypted for one subscriber, and reusable packet views. One per receive thread, so the packet path
 * allocates nothing and shares nothing between threads.
 */
public final class ForwardBuffers {

    /** Largest datagram handled plus the most SRTP/SRTCP adds to it. */
    static final int SIZE = 2048 + SrtpProfile.MAX_EXPANSION + 16;

    final byte[] out = new byte[SIZE];
    final RtpPacket rtp = new RtpPacket();
    final RtpPacket outRtp = new RtpPacket();
    final RtcpCompound compound = new RtcpCompound();
    final SenderReport senderReport = new SenderReport();
    final GenericNack nack = new GenericNack();
    final PictureLossIndication pli = new PictureLossIndication();
    final FullIntraRequest fir = new FullIntraRequest();
    final int[] lost = new int[17 * 64];
    final UdpSender sender;
    /** Answers checks for ufrags no session owns: 401, and nothing is remembered (RFC 8445 §7.3). */
    final IceLiteResponder stranger = new IceLiteResponder("unknownsession", "unknownsessionunknownsession", null);

    /** @param sender the socket this thread sends on: its own, so sends spread over the port's sockets */
    public ForwardBuffers(UdpSender sender) {
        this.sender = sender;
    }
}
