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
        assertArrayEquals(Arrays.copyOfRange(material, 16, 32), keys.remote().key());
        assertArrayEquals(Arrays.copyOfRange(material, 46, 60), keys.remote().salt());
        assertEquals(PROFILE, keys.profile());
    }

    @Test
    void gcmMaterialHasTwelveByteSalts() {
        byte[] material = material(56);

        DtlsSrtpKeys keys = DtlsSrtpKeys.fromKeyingMaterial(SrtpProfile.AEAD_AES_128_GCM, material, true);

        assertEquals(SrtpProfile.AEAD_AES_128_GCM, keys.profile());
        assertArrayEquals(Arrays.copyOfRange(material, 16, 32), keys.local().key());
        assertArrayEquals(Arrays.copyOfRange(material, 44, 56), keys.local().salt());
        assertArrayEquals(Arrays.copyOfRange(material, 0, 16), keys.remote().key());
        assertArrayEquals(Arrays.copyOfRange(material, 32, 44), keys.remote().salt());
    }

    @Test
    void bothDirectionsHaveTheSameProfile() {
        SrtpMasterKey cm = new SrtpMasterKey(PROFILE, new byte[16], new byte[14]);
        SrtpMasterKey gcm = new SrtpMasterKey(SrtpProfile.AEAD_AES_128_GCM, new byte[16], new byte[12]);

        assertThrows(IllegalArgumentException.class, () -> new DtlsSrtpKeys(cm, gcm));
    }

    @Test
    void toStringShowsNoKeyBytes() {
        String text = DtlsSrtpKeys.fromKeyingMaterial(SrtpProfile.AEAD_AES_128_GCM, material(56), true).toString();

        assertEquals("DtlsSrtpKeys[local=SrtpMasterKey[AEAD_AES_128_GCM], remote=SrtpMasterKey[AEAD_AES_128_GCM]]",
                text);
    }

    @Test
    void needsExactlyTwoKeysAndTwoSalts() {
        assertEquals(60, DtlsSrtpKeys.keyingMaterialLength(PROFILE));
        assertEquals(56, DtlsSrtpKeys.keyingMaterialLength(SrtpProfile.AEAD_AES_128_GCM));
        assertThrows(IllegalArgumentException.class,
                () -> DtlsSrtpKeys.fromKeyingMaterial(PROFILE, new byte[56], true));
        assertThrows(IllegalArgumentException.class,
                () -> DtlsSrtpKeys.fromKeyingMaterial(SrtpProfile.AEAD_AES_128_GCM, new byte[60], true));
    }

    private static byte[] material() {
        return material(60);
    }

    private static byte[] material(int length) {
        byte[] material = new byte[length];
        for (int i = 0; i < material.length; i++) {
            material[i] = (byte) i;
        }
        return material;
    }
}
