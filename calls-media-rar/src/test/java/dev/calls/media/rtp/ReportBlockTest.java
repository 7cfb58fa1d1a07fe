package dev.calls.media.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ReportBlockTest {

    @Test
    void writesEveryFieldAndReadsItBack() {
        byte[] buf = new byte[26];
        assertEquals(24, ReportBlock.write(buf, 2, 0xbc5e9a40, 0x40, -2, 0x146e1, 273, 0x9f36432, 150137));
        assertArrayEquals(Hex.bytes("0000 bc5e9a40 40fffffe 000146e1 00000111 09f36432 00024a79"), buf);
        ReportBlock block = new ReportBlock();
        block.point(buf, 2);
        assertEquals(0xbc5e9a40, block.ssrc());
        assertEquals(0x40, block.fractionLost());
        assertEquals(-2, block.cumulativeLost());
        assertEquals(0x146e1, block.extendedHighestSequence());
        assertEquals(273, block.jitter());
        assertEquals(0x9f36432, block.lastSenderReport());
        assertEquals(150137, block.delaySinceLastSenderReport());
    }

    @Test
    void clampsCumulativeLostTo24Bits() {
        byte[] buf = new byte[24];
        ReportBlock block = new ReportBlock();
        block.point(buf, 0);
        ReportBlock.write(buf, 0, 1, 0, 0x800000, 0, 0, 0, 0);
        assertEquals(0x7fffff, block.cumulativeLost());
        ReportBlock.write(buf, 0, 1, 0, -0x900000, 0, 0, 0, 0);
        assertEquals(-0x800000, block.cumulativeLost());
    }

    @Test
    void refusesBadFractionAndShortBuffer() {
        assertThrows(IllegalArgumentException.class, () -> ReportBlock.write(new byte[24], 0, 1, 256, 0, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> ReportBlock.write(new byte[24], 0, 1, -1, 0, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> ReportBlock.write(new byte[24], 1, 1, 0, 0, 0, 0, 0, 0));
    }
}
