package dev.calls.media.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReceiverEstimatedMaxBitrateTest {

    /** Sent by Chrome while receiving a 6 Mb/s stream (from the pion/rtcp test data). */
    private static final byte[] CHROME = {(byte) 143, (byte) 206, 0, 5, 0, 0, 0, 1, 0, 0, 0, 0, 82, 69, 77, 66, 1,
        26, 32, (byte) 223, 72, 116, (byte) 237, 22};

    private final ReceiverEstimatedMaxBitrate remb = new ReceiverEstimatedMaxBitrate();

    @Test
    void readsChromeEstimate() {
        assertTrue(remb.wrap(CHROME, 0, CHROME.length));
        assertEquals(FeedbackPacket.FMT_APPLICATION_LAYER, remb.fmt());
        assertEquals(1, remb.senderSsrc());
        assertEquals(0, remb.mediaSsrc());
        // exp = 26 >> 2 = 6; mantissa = (26 & 3) << 16 | 32 << 8 | 223 = 139487; 139487 × 2^6 = 8927168.
        assertEquals(6, remb.exponent());
        assertEquals(139487, remb.mantissa());
        assertEquals(8_927_168L, remb.bitrate());
        assertEquals(1, remb.ssrcCount());
        assertEquals(1215622422, remb.ssrc(0));
        assertThrows(IndexOutOfBoundsException.class, () -> remb.ssrc(1));
    }

    @Test
    void writesChromeBytes() {
        byte[] buf = new byte[24];
        assertEquals(24, ReceiverEstimatedMaxBitrate.write(buf, 0, 1, 8_927_168L, new int[] {1215622422}, 1));
        assertArrayEquals(CHROME, buf);
    }

    @Test
    void encodingRoundsDownToTheMantissaPrecision() {
        byte[] buf = new byte[20];
        ReceiverEstimatedMaxBitrate.write(buf, 0, 1, 8_927_167L, new int[0], 0);
        assertTrue(remb.wrap(buf, 0, buf.length));
        assertEquals(6, remb.exponent());
        assertEquals(139486, remb.mantissa());
        assertEquals(8_927_104L, remb.bitrate());
        ReceiverEstimatedMaxBitrate.write(buf, 0, 1, 262_143L, new int[0], 0);
        assertTrue(remb.wrap(buf, 0, buf.length));
        assertEquals(0, remb.exponent(), "18 bits fit without shifting");
        assertEquals(262_143L, remb.bitrate());
        ReceiverEstimatedMaxBitrate.write(buf, 0, 1, 0, new int[0], 0);
        assertTrue(remb.wrap(buf, 0, buf.length));
        assertEquals(0, remb.bitrate());
    }

    @Test
    void largeExponentsSaturate() {
        byte[] max = Hex.bytes("8fce0004 00000000 00000000 52454d42 00ffffff");
        assertTrue(remb.wrap(max, 0, max.length));
        assertEquals(63, remb.exponent());
        assertEquals(0x3ffff, remb.mantissa());
        assertEquals(Long.MAX_VALUE, remb.bitrate());
        byte[] largest = Hex.bytes("8fce0004 00000000 00000000 52454d42 00b7ffff");
        assertTrue(remb.wrap(largest, 0, largest.length));
        assertEquals(45, remb.exponent());
        assertEquals(0x3ffffL << 45, remb.bitrate(), "the largest value that fits in a long");
        byte[] buf = new byte[20];
        ReceiverEstimatedMaxBitrate.write(buf, 0, 1, Long.MAX_VALUE, new int[0], 0);
        assertTrue(remb.wrap(buf, 0, buf.length));
        assertEquals(0x3ffffL << 45, remb.bitrate());
    }

    @Test
    void rewritesSsrcInPlace() {
        byte[] raw = CHROME.clone();
        assertTrue(remb.wrap(raw, 0, raw.length));
        remb.setSsrc(0, 0x01020304);
        assertEquals(0x01020304, remb.ssrc(0));
        assertArrayEquals(Hex.bytes("01020304"), java.util.Arrays.copyOfRange(raw, 20, 24));
    }

    @Test
    void rejectsOtherApplicationFeedbackAndShortLists() {
        byte[] notRemb = CHROME.clone();
        notRemb[15] = 'X';
        assertFalse(remb.wrap(notRemb, 0, notRemb.length));
        byte[] twoAnnounced = CHROME.clone();
        twoAnnounced[16] = 2;
        assertFalse(remb.wrap(twoAnnounced, 0, twoAnnounced.length));
        assertFalse(remb.wrap(Hex.bytes("8fce0003 00000000 00000000 52454d42"), 0, 16), "no bitrate");
        assertFalse(remb.wrap(Hex.bytes("8fcd0004 00000000 00000000 52454d42 00000001"), 0, 20), "RTPFB");
    }

    @Test
    void writerRefusesBadArguments() {
        assertThrows(IllegalArgumentException.class,
                () -> ReceiverEstimatedMaxBitrate.write(new byte[20], 0, 1, -1, new int[0], 0));
        assertThrows(IllegalArgumentException.class,
                () -> ReceiverEstimatedMaxBitrate.write(new byte[100], 0, 1, 1, new int[1], 2));
        assertThrows(IllegalArgumentException.class,
                () -> ReceiverEstimatedMaxBitrate.write(new byte[23], 0, 1, 1, new int[1], 1));
    }
}
