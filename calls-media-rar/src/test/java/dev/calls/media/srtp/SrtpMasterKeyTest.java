package dev.calls.media.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SrtpMasterKeyTest {

    @Test
    void refusesLengthsTheProfileDoesNotUse() {
        assertThrows(IllegalArgumentException.class,
                () -> new SrtpMasterKey(SrtpProfile.AEAD_AES_128_GCM, new byte[16], new byte[14]));
        assertThrows(IllegalArgumentException.class,
                () -> new SrtpMasterKey(SrtpProfile.AES_CM_128_HMAC_SHA1_80, new byte[32], new byte[14]));
    }

    @Test
    void keepsItsOwnCopies() {
        byte[] key = new byte[16];
        SrtpMasterKey master = new SrtpMasterKey(SrtpProfile.AES_CM_128_HMAC_SHA1_80, key, new byte[14]);
        key[0] = 1;
        master.key()[1] = 1;

        assertArrayEquals(new byte[16], master.key());
    }

    @Test
    void keepsKeyMaterialOutOfItsStringForm() {
        SrtpMasterKey master = new SrtpMasterKey(SrtpProfile.AEAD_AES_128_GCM, new byte[16], new byte[12]);

        assertEquals("SrtpMasterKey[AEAD_AES_128_GCM]", master.toString());
    }
}
