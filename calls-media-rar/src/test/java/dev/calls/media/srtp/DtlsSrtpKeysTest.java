package dev.calls.media.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** RFC 5764 §4.2: client key, server key, client salt, server salt. */
class DtlsSrtpKeysTest {

    private static final SrtpProfile PROFILE = SrtpProfile.AES_CM_128_HMAC_SHA1_80;

    @Test
    void aServerSendsWithTheServerHalves() {
        byte[] material = material();

        DtlsSrtpKeys keys = DtlsSrtpKeys.fromKeyingMaterial(PROFILE, material, true);

        assertArrayEquals(Arrays.copyOfRange(material, 16, 32), keys.local().key());
        assertArrayEquals(Arrays.copyOfRange(material, 46, 60), keys.local().salt());
        assertArrayEquals(Arrays.copyOfRange(material, 0, 16), keys.remote().key());
        assertArrayEquals(Arrays.copyOfRange(material, 32, 46), keys.remote().salt());
    }

    @Test
    void aClientSendsWithTheClientHalves() {
        byte[] material = material();

        DtlsSrtpKeys keys = DtlsSrtpKeys.fromKeyingMaterial(PROFILE, material, false);

        assertArrayEquals(Arrays.copyOfRange(material, 0, 16), keys.local().key());
        assertArrayEquals(Arrays.copyOfRange(material, 32, 46), keys.local().salt());
    }

    @Test
    void needsExactlyTwoKeysAndTwoSalts() {
        assertEquals(60, DtlsSrtpKeys.keyingMaterialLength(PROFILE));
        assertEquals(56, DtlsSrtpKeys.keyingMaterialLength(SrtpProfile.AEAD_AES_128_GCM));
        assertThrows(IllegalArgumentException.class,
                () -> DtlsSrtpKeys.fromKeyingMaterial(PROFILE, new byte[56], true));
    }

    private static byte[] material() {
        byte[] material = new byte[60];
        for (int i = 0; i < material.length; i++) {
            material[i] = (byte) i;
        }
        return material;
    }
}
