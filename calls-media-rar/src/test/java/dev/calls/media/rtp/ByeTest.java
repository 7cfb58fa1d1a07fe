package dev.calls.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ByeTest {

    private final Bye bye = new Bye();

    @Test
    void readsCapturedBye() {
        byte[] raw = Hex.bytes(RtcpTestPackets.CAPTURED_COMPOUND);
        assertTrue(bye.wrap(raw, 84, raw.length - 84));
        assertEquals(1, bye.ssrcCount());
        assertEquals(0x902f9e2e, bye.ssrc(0));
        assertEquals(-1, bye.reasonOffset());
        assertEquals(0, bye.reasonLength());
    }

    @Test
    void readsSourcesAndReason() {
        // RFC 3550 §6.6: two SSRCs, reason "bye" (length octet + text), here ending on a word boundary.
        byte[] raw = Hex.bytes("82cb0003 00000001 00000002 03627965");
        assertTrue(bye.wrap(raw, 0, raw.length));
        assertEquals(2, bye.ssrcCount());
        assertEquals(2, bye.ssrc(1));
        assertEquals(13, bye.reasonOffset());
        assertEquals("bye", new String(raw, bye.reasonOffset(), bye.reasonLength(), StandardCharsets.UTF_8));
    }

    @Test
    void rejectsSourcesOrReasonBeyondThePacket() {
        assertFalse(bye.wrap(Hex.bytes("82cb0001 00000001"), 0, 8));
        assertFalse(bye.wrap(Hex.bytes("81cb0002 00000001 09627965"), 0, 12));
    }
}
