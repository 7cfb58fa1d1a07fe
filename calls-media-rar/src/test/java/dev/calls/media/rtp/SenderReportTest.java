package dev.calls.media.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SenderReportTest {

    /** RFC 3550 §6.4.1 layout: SR with one report block, padded with 4 bytes. */
    private static final String SR_WITH_BLOCK = """
            a1c8000d 902f9e2e
            da8bd1fc dddddddd 00000fa0 00000010 00000400
            bc5e9a40 05fffffe 000146e1 00000111 09f36432 00024a79
            00000004
            """;

    private final SenderReport sr = new SenderReport();

    @Test
    void readsSenderInfoAndReportBlock() {
        byte[] raw = Hex.bytes(SR_WITH_BLOCK);
        assertTrue(sr.wrap(raw, 0, raw.length));
        assertEquals(56, sr.length());
        assertTrue(sr.hasPadding());
        assertEquals(48, sr.contentLength());
        assertEquals(0x902f9e2e, sr.senderSsrc());
        assertEquals(0xda8bd1fc_ddddddddL, sr.ntpTimestamp());
        assertEquals(4000, sr.rtpTimestamp());
        assertEquals(16, sr.packetCount());
        assertEquals(1024, sr.octetCount());
        assertEquals(1, sr.reportCount());
        ReportBlock block = sr.reportBlock(0);
        assertEquals(0xbc5e9a40, block.ssrc());
        assertEquals(5, block.fractionLost());
        assertEquals(-2, block.cumulativeLost());
        assertEquals(0x146e1, block.extendedHighestSequence());
    }

    @Test
    void writesAndReadsBack() {
        byte[] buf = new byte[40];
        assertEquals(28, SenderReport.write(buf, 4, 0x01020304, 0x0102030405060708L, 0x11121314, 7, 700));
        assertArrayEquals(Hex.bytes("80c80006 01020304 01020304 05060708 11121314 00000007 000002bc"),
                java.util.Arrays.copyOfRange(buf, 4, 32));
        assertTrue(sr.wrap(buf, 4, 36));
        assertEquals(0x0102030405060708L, sr.ntpTimestamp());
        assertEquals(0, sr.reportCount());
        assertEquals(0x01020304, sr.senderSsrc());
        assertThrows(IllegalArgumentException.class, () -> SenderReport.write(buf, 13, 1, 2, 3, 4, 5));
    }

    @Test
    void rejectsShortOrForeignPackets() {
        byte[] raw = Hex.bytes(SR_WITH_BLOCK);
        raw[0] = (byte) 0xa2;
        assertFalse(sr.wrap(raw, 0, raw.length), "two blocks announced, one present");
        byte[] rr = Hex.bytes(RtcpTestPackets.CAPTURED_COMPOUND);
        assertFalse(sr.wrap(rr, 0, rr.length));
        assertFalse(sr.wrap(Hex.bytes("80c80001 01020304"), 0, 8), "no sender info");
    }
}
