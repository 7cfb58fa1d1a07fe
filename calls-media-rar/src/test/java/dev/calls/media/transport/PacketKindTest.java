package dev.calls.media.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The first-byte ranges of RFC 7983 §7, at and around every boundary. */
class PacketKindTest {

    private static PacketKind of(int firstByte) {
        return PacketKind.of((byte) firstByte);
    }

    @Test
    void classifiesEveryBoundaryOfRfc7983() {
        assertEquals(PacketKind.STUN, of(0));
        assertEquals(PacketKind.STUN, of(3));
        assertEquals(PacketKind.UNKNOWN, of(4));
        assertEquals(PacketKind.UNKNOWN, of(19));
        assertEquals(PacketKind.DTLS, of(20));
        assertEquals(PacketKind.DTLS, of(22));
        assertEquals(PacketKind.DTLS, of(63));
        assertEquals(PacketKind.UNKNOWN, of(64));
        assertEquals(PacketKind.UNKNOWN, of(127));
        assertEquals(PacketKind.RTP_OR_RTCP, of(128));
        assertEquals(PacketKind.RTP_OR_RTCP, of(0x90));
        assertEquals(PacketKind.RTP_OR_RTCP, of(191));
        assertEquals(PacketKind.UNKNOWN, of(192));
        assertEquals(PacketKind.UNKNOWN, of(255));
    }
}
