package dev.calls.media.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FullIntraRequestTest {

    private final FullIntraRequest fir = new FullIntraRequest();

    @Test
    void readsEntries() {
        // RFC 5104 §4.3.1.1: FCI entries of SSRC, seq nr, 24 reserved bits (bytes from the pion/rtcp tests).
        byte[] raw = Hex.bytes("84ce0006 00000000 4bc4fcb4 12345678 42000000 98765432 57000000");
        assertTrue(fir.wrap(raw, 0, raw.length));
        assertEquals(FeedbackPacket.FMT_FIR, fir.fmt());
        assertEquals(0, fir.senderSsrc());
        assertEquals(0x4bc4fcb4, fir.mediaSsrc());
        assertEquals(2, fir.entryCount());
        assertEquals(0x12345678, fir.entrySsrc(0));
        assertEquals(0x98765432, fir.entrySsrc(1));
        assertThrows(IndexOutOfBoundsException.class, () -> fir.entrySsrc(2));
    }

    @Test
    void writesOneEntryWithZeroMediaSsrc() {
        byte[] buf = new byte[20];
        assertEquals(20, FullIntraRequest.write(buf, 0, 0x01020304, 0x0a0b0c0d, 0x1ff));
        assertArrayEquals(Hex.bytes("84ce0004 01020304 00000000 0a0b0c0d ff000000"), buf);
        assertTrue(fir.wrap(buf, 0, buf.length));
        assertEquals(0x0a0b0c0d, fir.entrySsrc(0));
        assertThrows(IllegalArgumentException.class, () -> FullIntraRequest.write(new byte[19], 0, 1, 2, 3));
    }

    @Test
    void rejectsMissingEntryAndOtherFormats() {
        assertFalse(fir.wrap(Hex.bytes("84ce0003 00000000 4bc4fcb4 12345678"), 0, 16), "entry cut short");
        assertFalse(fir.wrap(Hex.bytes("82ce0004 00000000 4bc4fcb4 12345678 42000000"), 0, 20), "FMT 2");
        assertFalse(fir.wrap(Hex.bytes("84c90004 00000000 4bc4fcb4 12345678 42000000"), 0, 20), "an RR");
    }
}
