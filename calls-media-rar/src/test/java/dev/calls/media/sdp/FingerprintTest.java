package dev.calls.media.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FingerprintTest {

    @Test
    void keepsHashFunctionAndValueAsWritten() throws Exception {
        Fingerprint f = Fingerprint.parse("SHA-256 ab:cd:01:F0");

        assertEquals("SHA-256", f.hashFunction());
        assertEquals("ab:cd:01:F0", f.value());
        assertEquals("SHA-256 ab:cd:01:F0", f.sdpValue());
        assertEquals(f, Fingerprint.parse(f.sdpValue()));
        assertTrue(f.isSha256(), "hash function names are case-insensitive");
        assertFalse(Fingerprint.parse("sha-1 AB:CD").isSha256());
    }

    @Test
    void constructorRefusesWhatIsNotHexPairs() {
        assertThrows(IllegalArgumentException.class, () -> new Fingerprint("sha-256", "AB:C"));
        assertThrows(IllegalArgumentException.class, () -> new Fingerprint("sha-256", "\u0663\u0663"));
    }

    @Test
    void refusesWhatIsNotHexPairs() {
        assertThrows(SdpParseException.class, () -> Fingerprint.parse("sha-256 ABC:DE"));
        assertThrows(SdpParseException.class, () -> Fingerprint.parse("sha-256 AB-CD"));
        assertThrows(SdpParseException.class, () -> Fingerprint.parse("sha-256"));
        assertThrows(SdpParseException.class, () -> Fingerprint.parse("sha-256 AB:"));
    }
}
