package dev.calls.media.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReceiverReportTest {

    private final ReceiverReport rr = new ReceiverReport();

    @Test
    void readsCapturedReceiverReport() {
        byte[] raw = Hex.bytes(RtcpTestPackets.CAPTURED_COMPOUND);
        assertTrue(rr.wrap(raw, 0, raw.length), "the view ends where the RR's length field says");
        assertEquals(32, rr.length());
        assertEquals(RtcpPacketType.RECEIVER_REPORT, rr.packetType());
        assertFalse(rr.hasPadding());
        assertEquals(28, rr.contentLength());
        assertEquals(0x902f9e2e, rr.senderSsrc());
        assertEquals(1, rr.reportCount());
        ReportBlock block = rr.reportBlock(0);
        assertEquals(0xbc5e9a40, block.ssrc());
        assertEquals(0, block.fractionLost());
        assertEquals(0, block.cumulativeLost());
        assertEquals(0x46e1, block.extendedHighestSequence());
        assertEquals(273, block.jitter());
        assertEquals(0x9f36432, block.lastSenderReport());
        assertEquals(150137, block.delaySinceLastSenderReport());
        assertThrows(IndexOutOfBoundsException.class, () -> rr.reportBlock(1));
    }

    @Test
    void cumulativeLostIsSigned24Bit() {
        byte[] raw = Hex.bytes("81c90007 00000001 00000002 40ffffff 00010005 00000000 00000000 00000000");
        assertTrue(rr.wrap(raw, 0, raw.length));
        assertEquals(0x40, rr.reportBlock(0).fractionLost());
        assertEquals(-1, rr.reportBlock(0).cumulativeLost());
        raw[13] = 0x7f;
        assertEquals(0x7fffff, rr.reportBlock(0).cumulativeLost());
        raw[13] = (byte) 0x80;
        raw[14] = 0;
        raw[15] = 0;
        assertEquals(-0x800000, rr.reportBlock(0).cumulativeLost());
    }

    @Test
    void writesEmptyReceiverReport() {
        byte[] buf = new byte[8];
        assertEquals(8, ReceiverReport.write(buf, 0, 0x01020304, new ReceiveStatistics[0], 0, 0));
        assertArrayEquals(Hex.bytes("80c90001 01020304"), buf);
        assertTrue(rr.wrap(buf, 0, buf.length));
        assertEquals(0, rr.reportCount());
    }

    @Test
    void writesReportBlocksFromReceiveStatistics() {
        ReceiveStatistics audio = new ReceiveStatistics(0xaaaa0001, 48000);
        ReceiveStatistics video = new ReceiveStatistics(0xbbbb0002, 90000);
        for (int seq = 10; seq < 20; seq++) {
            audio.onPacket(seq, seq * 960, seq * 20_000_000L);
            if (seq != 15) {
                video.onPacket(seq, seq * 3000, seq * 33_000_000L);
            }
        }
        byte[] buf = new byte[70];
        int length = ReceiverReport.write(buf, 3, 0x01020304, new ReceiveStatistics[] {audio, video}, 2,
                1_000_000_000L);
        assertEquals(56, length);
        assertTrue(rr.wrap(buf, 3, length));
        assertEquals(0x01020304, rr.senderSsrc());
        assertEquals(2, rr.reportCount());
        assertEquals(0xaaaa0001, rr.reportBlock(0).ssrc());
        assertEquals(19, rr.reportBlock(0).extendedHighestSequence());
        assertEquals(0, rr.reportBlock(0).cumulativeLost());
        assertEquals(0xbbbb0002, rr.reportBlock(1).ssrc());
        assertEquals(1, rr.reportBlock(1).cumulativeLost());
        // 9 expected from the first counted packet (11) to 19, one of them lost: 256 / 9 rounded down.
        assertEquals(28, rr.reportBlock(1).fractionLost());
    }

    @Test
    void writerRefusesBadArguments() {
        ReceiveStatistics[] none = new ReceiveStatistics[32];
        assertThrows(IllegalArgumentException.class, () -> ReceiverReport.write(new byte[1000], 0, 1, none, 32, 0));
        assertThrows(IllegalArgumentException.class,
                () -> ReceiverReport.write(new byte[7], 0, 1, new ReceiveStatistics[0], 0, 0));
        assertThrows(IllegalArgumentException.class, () -> ReceiverReport.write(new byte[100], 0, 1,
                new ReceiveStatistics[] {new ReceiveStatistics(1, 8000)}, 2, 0));
    }

    @Test
    void rejectsMalformedReceiverReports() {
        byte[] raw = Hex.bytes(RtcpTestPackets.CAPTURED_COMPOUND);
        assertFalse(rr.wrap(raw, 0, 31), "length field says 32");
        assertFalse(rr.wrap(raw, 32, raw.length - 32), "an SDES is no RR");
        byte[] countTooHigh = Hex.bytes("82c90007 902f9e2e bc5e9a40 00000000 000046e1 00000111 09f36432 00024a79");
        assertFalse(rr.wrap(countTooHigh, 0, countTooHigh.length), "two blocks announced, one present");
        byte[] padded = Hex.bytes("a1c90007 902f9e2e bc5e9a40 00000000 000046e1 00000111 09f36432 00024a04");
        assertFalse(rr.wrap(padded, 0, padded.length), "padding eats into the report block");
        assertThrows(IllegalStateException.class, rr::senderSsrc);
    }
}
