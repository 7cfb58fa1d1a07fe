package dev.calls.media.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PictureLossIndicationTest {

    private final PictureLossIndication pli = new PictureLossIndication();

    @Test
    void writesTheCapturedBytes() {
        byte[] captured = Hex.bytes(RtcpTestPackets.CAPTURED_COMPOUND);
        byte[] buf = new byte[12];
        assertEquals(12, PictureLossIndication.write(buf, 0, 0x902f9e2e, 0x902f9e2e));
        assertArrayEquals(Arrays.copyOfRange(captured, 92, 104), buf);
        assertThrows(IllegalArgumentException.class, () -> PictureLossIndication.write(buf, 1, 1, 2));
    }

    @Test
    void readsMediaSsrc() {
        byte[] raw = Hex.bytes(RtcpTestPackets.CAPTURED_COMPOUND);
        assertTrue(pli.wrap(raw, 92, raw.length - 92));
        assertEquals(FeedbackPacket.FMT_PLI, pli.fmt());
        assertEquals(0x902f9e2e, pli.mediaSsrc());
    }

    @Test
    void rejectsOtherFeedback() {
        byte[] raw = Hex.bytes(RtcpTestPackets.CAPTURED_COMPOUND);
        assertFalse(pli.wrap(raw, 104, raw.length - 104), "RTPFB with FMT 5");
        assertFalse(pli.wrap(Hex.bytes("84ce0002 00000001 00000002"), 0, 12), "FMT 4");
    }
}
