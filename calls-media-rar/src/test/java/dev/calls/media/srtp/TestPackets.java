package dev.calls.media.srtp;

import java.util.Random;

/** RTP and RTCP packets for round trips, each in a buffer with room for the SRTP expansion. */
final class TestPackets {

    private TestPackets() {
    }

    /**
     * An RTP packet with two CSRCs and a one-byte-header extension (RFC 8285) of two words, the
     * shape of forwarded browser media, and a random payload.
     */
    static byte[] rtp(int ssrc, int seq, int payloadLength) {
        byte[] header = Hex.bytes("""
                92 6f 0000 00010000 00000000
                11111111 22222222
                bede 0002 10 ff 21 0102 00 00 00""");
        byte[] buf = new byte[header.length + payloadLength + SrtpProfile.MAX_EXPANSION];
        System.arraycopy(header, 0, buf, 0, header.length);
        SrtpPacket.writeInt(buf, 0, 0x926f0000 | seq);
        SrtpPacket.writeInt(buf, 8, ssrc);
        byte[] payload = new byte[payloadLength];
        new Random(seq).nextBytes(payload);
        System.arraycopy(payload, 0, buf, header.length, payloadLength);
        return buf;
    }

    static int rtpLength(int payloadLength) {
        return 32 + payloadLength;
    }

    /** A compound RTCP packet: a receiver report with one block, then SDES with a CNAME. */
    static byte[] rtcp(int ssrc) {
        byte[] packet = Hex.bytes("""
                81c90007 00000000 5501a0b2 00000003 0000f17b 00000010 00000000 00000000
                81ca0003 00000000 0103616263 000000""");
        SrtpPacket.writeInt(packet, 4, ssrc);
        SrtpPacket.writeInt(packet, 36, ssrc);
        byte[] buf = new byte[packet.length + SrtpProfile.MAX_EXPANSION];
        System.arraycopy(packet, 0, buf, 0, packet.length);
        return buf;
    }

    static final int RTCP_LENGTH = 48;
}
