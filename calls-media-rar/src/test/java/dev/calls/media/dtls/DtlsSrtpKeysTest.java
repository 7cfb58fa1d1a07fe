package dev.calls.media.dtls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DtlsSrtpKeysTest {

    @Test
    void splitsClientKeyServerKeyClientSaltServerSaltForCmHmac() {
        DtlsSrtpKeys keys = DtlsSrtpKeys.split(SrtpProfile.AES128_CM_HMAC_SHA1_80, counting(60));

        assertEquals(SrtpProfile.AES128_CM_HMAC_SHA1_80, keys.profile());
        assertArrayEquals(counting(0, 16), keys.clientKey());
        assertArrayEquals(counting(16, 16), keys.serverKey());
        assertArrayEquals(counting(32, 14), keys.clientSalt());
        assertArrayEquals(counting(46, 14), keys.serverSalt());
    }

    @Test
    void splitsGcmMaterialWithTwelveByteSalts() {
        DtlsSrtpKeys keys = DtlsSrtpKeys.split(SrtpProfile.AEAD_AES_128_GCM, counting(56));

        assertArrayEquals(counting(0, 16), keys.clientKey());
        assertArrayEquals(counting(16, 16), keys.serverKey());
        assertArrayEquals(counting(32, 12), keys.clientSalt());
        assertArrayEquals(counting(44, 12), keys.serverSalt());
    }

    @Test
    void refusesMaterialOfTheWrongLength() {
        assertThrows(IllegalArgumentException.class,
            () -> DtlsSrtpKeys.split(SrtpProfile.AEAD_AES_128_GCM, counting(60)));
    }

    @Test
    void toStringShowsNoKeyBytes() {
        String text = DtlsSrtpKeys.split(SrtpProfile.AEAD_AES_128_GCM, counting(56)).toString();

        assertEquals("DtlsSrtpKeys[AEAD_AES_128_GCM]", text);
    }

    private static byte[] counting(int length) {
        return counting(0, length);
    }

    private static byte[] counting(int from, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (from + i);
        }
        return bytes;
    }
}
