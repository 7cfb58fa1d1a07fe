package dev.calls.media.sdp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FingerprintTest {

    @Test
    void digestAndTextAgree() throws Exception {
        byte[] digest = {(byte) 0xAB, (byte) 0xCD, 0x01, (byte) 0xF0};
        Fingerprint f = Fingerprint.of("SHA-256", digest);
        assertEquals("sha-256 AB:CD:01:F0", f.sdpValue());
        assertArrayEquals(digest, Fingerprint.parse("sha-256 ab:cd:01:f0").digest());
        assertTrue(Fingerprint.parse("SHA-256 ab:cd:01:f0").matches("sha-256", digest));
        assertFalse(f.matches("sha-1", digest));
        assertFalse(f.matches("sha-256", new byte[] {1, 2, 3, 4}));
    }

    @Test
    void refusesWhatIsNotHexPairs() {
        assertThrows(SdpParseException.class, () -> Fingerprint.parse("sha-256 ABC:DE"));
        assertThrows(SdpParseException.class, () -> Fingerprint.parse("sha-256 AB-CD"));
        assertThrows(SdpParseException.class, () -> Fingerprint.parse("sha-256"));
        assertThrows(SdpParseException.class, () -> Fingerprint.parse("sha-256 AB:"));
    }
}
