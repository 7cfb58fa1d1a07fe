package dev.calls.media.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RtpPacketTest {

    /** A captured VP8 packet (from the pion/rtp test data) with an extension of profile 0x0001. */
    private static final String CAPTURED = "90e0698f d9c293da 1c642782 0001 0001 ffffffff 9836be889e";

    /**
     * Two CSRCs, the RFC 8285 §4.2 one-byte example layout (id 1 L=0, id 2 L=1, two padding bytes, id 3 L=3)
     * and four bytes of RTP padding after a three-byte payload.
     */
    private static final String ONE_BYTE_WITH_PADDING = """
            b2 6f 1234 00010000 cafebabe
            11111111 22222222
            bede 0003
            10 aa 21 bbcc 00 00 33 01020304
            616263
            00 00 00 04
            """;

    /** The RFC 8285 §4.3 two-byte example layout: id 1 L=0, id 2 L=1, one padding byte, id 3 L=4. */
    private static final String TWO_BYTE = """
            90 60 0001 00000002 00000003
            1000 0003
            01 00 02 01 dd 00 03 04 05060708
            ff
            """;

    private final RtpPacket packet = new RtpPacket();

    @Test
    void readsCapturedPacket() {
        byte[] raw = Hex.bytes(CAPTURED);
        assertTrue(packet.wrap(raw, 0, raw.length));
        assertEquals(2, packet.version());
        assertTrue(packet.marker());
        assertEquals(96, packet.payloadType());
        assertEquals(27023, packet.sequenceNumber());
        assertEquals((int) 3653407706L, packet.timestamp());
        assertEquals(476325762, packet.ssrc());
        assertEquals(0, packet.csrcCount());
        assertFalse(packet.hasPadding());
        assertTrue(packet.hasExtension());
        RtpHeaderExtension extension = packet.extension();
        assertTrue(extension.isPresent());
        assertEquals(1, extension.profile());
        assertEquals(16, extension.offset());
        assertEquals(4, extension.length());
        assertEquals(-1, extension.find(1), "an opaque profile has no RFC 8285 elements");
        assertEquals(20, packet.headerLength());
        assertEquals(20, packet.payloadOffset());
        assertEquals(5, packet.payloadLength());
        assertEquals(0, packet.paddingLength());
    }

    @Test
    void readsCsrcsOneByteExtensionAndPaddingAtAnOffset() {
        byte[] bytes = Hex.bytes(ONE_BYTE_WITH_PADDING);
        byte[] raw = Hex.embedded(bytes, 7, 5);
        assertTrue(packet.wrap(raw, 7, bytes.length));
        assertEquals(7, packet.offset());
        assertEquals(bytes.length, packet.length());
        assertFalse(packet.marker());
        assertEquals(111, packet.payloadType());
        assertEquals(0x1234, packet.sequenceNumber());
        assertEquals(0x10000, packet.timestamp());
        assertEquals(0xcafebabe, packet.ssrc());
        assertEquals(2, packet.csrcCount());
        assertTrue(packet.hasPadding());
        assertEquals(4, packet.paddingLength());
        assertEquals(12 + 8 + 4 + 12, packet.headerLength());
        assertEquals(7 + 36, packet.payloadOffset());
        assertEquals(3, packet.payloadLength());
        assertEquals('a', raw[packet.payloadOffset()]);

        RtpHeaderExtension extension = packet.extension();
        assertEquals(RtpHeaderExtension.ONE_BYTE_PROFILE, extension.profile());
        int one = extension.find(1);
        assertEquals(7 + 25, one);
        assertEquals(1, extension.dataLength(one));
        assertEquals((byte) 0xaa, raw[one]);
        int two = extension.find(2);
        assertEquals(2, extension.dataLength(two));
        assertEquals((byte) 0xbb, raw[two]);
        int three = extension.find(3);
        assertEquals(4, extension.dataLength(three));
        assertEquals(1, raw[three]);
        assertEquals(4, raw[three + 3]);
        assertEquals(-1, extension.find(4));
        assertEquals(-1, extension.find(0));
        assertEquals(-1, extension.find(-3));
    }

    @Test
    void readsTwoByteExtension() {
        byte[] raw = Hex.bytes(TWO_BYTE);
        assertTrue(packet.wrap(raw, 0, raw.length));
        RtpHeaderExtension extension = packet.extension();
        assertEquals(RtpHeaderExtension.TWO_BYTE_PROFILE, extension.profile());
        int one = extension.find(1);
        assertEquals(18, one);
        assertEquals(0, extension.dataLength(one));
        int two = extension.find(2);
        assertEquals(1, extension.dataLength(two));
        assertEquals((byte) 0xdd, raw[two]);
        int three = extension.find(3);
        assertEquals(4, extension.dataLength(three));
        assertEquals(5, raw[three]);
        assertEquals(28, packet.payloadOffset());
        assertEquals(1, packet.payloadLength());
    }

    @Test
    void twoByteFormAcceptsAnyAppbits() {
        byte[] raw = Hex.bytes(TWO_BYTE);
        raw[13] = 0x0f;
        assertTrue(packet.wrap(raw, 0, raw.length));
        assertEquals(0x100f, packet.extension().profile());
        assertEquals(1, packet.extension().dataLength(packet.extension().find(2)));
    }

    @Test
    void oneByteScanStopsAtIdFifteen() {
        // id 1 (1 byte), then a reserved id 15 element: RFC 8285 §4.2 ends processing there.
        byte[] raw = Hex.bytes("9000 0001 00000002 00000003 bede 0002 10 aa f0 00 30 bb 0000");
        assertTrue(packet.wrap(raw, 0, raw.length));
        assertEquals(17, packet.extension().find(1));
        assertEquals(-1, packet.extension().find(3));
    }

    @Test
    void oneByteScanStopsAtIdZeroWithLength() {
        // A byte with id 0 and a non-zero length is not padding: RFC 8285 §4.1.2 ends processing there.
        byte[] raw = Hex.bytes("9000 0001 00000002 00000003 bede 0002 10 aa 05 00 30 bb 0000");
        assertTrue(packet.wrap(raw, 0, raw.length));
        assertEquals(17, packet.extension().find(1));
        assertEquals(-1, packet.extension().find(3));
    }

    @Test
    void elementOverrunningTheBlockIsNotFound() {
        byte[] oneByte = Hex.bytes("9000 0001 00000002 00000003 bede 0001 10 aa 2f bb");
        assertTrue(packet.wrap(oneByte, 0, oneByte.length));
        assertEquals(17, packet.extension().find(1));
        assertEquals(-1, packet.extension().find(2));
        byte[] twoByte = Hex.bytes("9000 0001 00000002 00000003 1000 0001 01 01 aa 02");
        assertTrue(packet.wrap(twoByte, 0, twoByte.length));
        assertEquals(18, packet.extension().find(1));
        assertEquals(-1, packet.extension().find(2));
    }

    @Test
    void dataLengthRejectsOffsetsOutsideTheBlock() {
        byte[] raw = Hex.bytes(TWO_BYTE);
        assertTrue(packet.wrap(raw, 0, raw.length));
        assertThrows(IllegalArgumentException.class, () -> packet.extension().dataLength(3));
        byte[] captured = Hex.bytes(CAPTURED);
        assertTrue(packet.wrap(captured, 0, captured.length));
        assertThrows(IllegalArgumentException.class, () -> packet.extension().dataLength(17));
    }

    @Test
    void remapsIdsInOnePassAndBlanksUnmappedElements() {
        byte[] raw = Hex.bytes(ONE_BYTE_WITH_PADDING);
        assertTrue(packet.wrap(raw, 0, raw.length));
        int one = packet.extension().find(1);
        int two = packet.extension().find(2);
        int three = packet.extension().find(3);
        byte[] map = {0, 2, 1};
        assertEquals(2, packet.extension().remapIds(map));
        assertEquals(one, packet.extension().find(2), "ids 1 and 2 swap without colliding");
        assertEquals(two, packet.extension().find(1));
        assertEquals(-1, packet.extension().find(3));
        assertArrayEquals(new byte[5], java.util.Arrays.copyOfRange(raw, three - 1, three + 4),
                "the dropped element became padding");
        assertEquals(2, packet.extension().remapIds(new byte[] {0, 1, 2}));
    }

    @Test
    void remapDropsIdsThatDoNotFitTheOneByteForm() {
        byte[] raw = Hex.bytes(ONE_BYTE_WITH_PADDING);
        assertTrue(packet.wrap(raw, 0, raw.length));
        byte[] map = {0, 1, 20, 3};
        assertEquals(2, packet.extension().remapIds(map));
        assertEquals(-1, packet.extension().find(2));
        assertEquals(4, packet.extension().dataLength(packet.extension().find(3)));
    }

    @Test
    void settersWriteInPlace() {
        byte[] raw = Hex.bytes(CAPTURED);
        byte[] before = raw.clone();
        assertTrue(packet.wrap(raw, 0, raw.length));
        packet.setSequenceNumber(0x1_fffe);
        packet.setPayloadType(111);
        assertTrue(packet.marker(), "changing the payload type keeps the marker");
        assertEquals(0xfffe, packet.sequenceNumber());
        assertEquals(111, packet.payloadType());
        assertArrayEquals(Hex.bytes("90ef fffe"), java.util.Arrays.copyOf(raw, 4));
        assertArrayEquals(java.util.Arrays.copyOfRange(before, 4, before.length),
                java.util.Arrays.copyOfRange(raw, 4, raw.length));
        assertThrows(IllegalArgumentException.class, () -> packet.setPayloadType(128));
    }

    @Test
    void rejectsMalformedPackets() {
        byte[] valid = Hex.bytes(ONE_BYTE_WITH_PADDING);
        assertTrue(packet.wrap(valid, 0, valid.length));
        assertFalse(packet.wrap(null, 0, 12));
        assertFalse(packet.wrap(valid, 0, 11), "shorter than the fixed header");
        assertFalse(packet.wrap(valid, -1, 20));
        assertFalse(packet.wrap(valid, 1, valid.length), "range past the array");
        assertFalse(packet.wrap(valid, Integer.MAX_VALUE, 12));
        assertFalse(packet.wrap(valid, 0, 19), "CSRCs cut off");
        assertFalse(packet.wrap(valid, 0, 23), "extension header cut off");
        assertFalse(packet.wrap(valid, 0, 30), "extension data cut off");
        byte[] version1 = valid.clone();
        version1[0] = 0x72;
        assertFalse(packet.wrap(version1, 0, version1.length));
        byte[] zeroPadding = valid.clone();
        zeroPadding[zeroPadding.length - 1] = 0;
        assertFalse(packet.wrap(zeroPadding, 0, zeroPadding.length));
        byte[] tooMuchPadding = valid.clone();
        tooMuchPadding[tooMuchPadding.length - 1] = 8;
        assertFalse(packet.wrap(tooMuchPadding, 0, tooMuchPadding.length));
        tooMuchPadding[tooMuchPadding.length - 1] = 7;
        assertTrue(packet.wrap(tooMuchPadding, 0, tooMuchPadding.length), "padding may take the whole payload");
        assertEquals(0, packet.payloadLength());
    }

    @Test
    void accessorsRefuseAfterAFailedWrap() {
        byte[] raw = Hex.bytes(CAPTURED);
        assertTrue(packet.wrap(raw, 0, raw.length));
        assertFalse(packet.wrap(raw, 0, 4));
        assertThrows(IllegalStateException.class, packet::sequenceNumber);
        assertThrows(IllegalStateException.class, packet::extension);
        assertThrows(IllegalStateException.class, () -> packet.setSequenceNumber(1));
        assertThrows(IllegalStateException.class, () -> new RtpPacket().payloadOffset());
    }
}
