package dev.calls.media.srtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class SrtpProfileTest {

    @Test
    void findsProfilesByTheirDtlsSrtpIds() {
        assertEquals(SrtpProfile.AES_CM_128_HMAC_SHA1_80, SrtpProfile.fromId(0x0001));
        assertEquals(SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.fromId(0x0007));
        assertThrows(IllegalArgumentException.class, () -> SrtpProfile.fromId(0x0002));
        assertThrows(IllegalArgumentException.class, () -> SrtpProfile.fromId(0x0008));
    }

    @Test
    void idsAreTheRegisteredOnes() {
        // RFC 5764 §4.1.2 and RFC 7714 §14.2.
        assertEquals(0x0001, SrtpProfile.AES_CM_128_HMAC_SHA1_80.id());
        assertEquals(0x0007, SrtpProfile.AEAD_AES_128_GCM.id());
    }

    @Test
    void dtlsNegotiationPrefersCmHmacThenGcm() {
        assertEquals(List.of(SrtpProfile.AES_CM_128_HMAC_SHA1_80, SrtpProfile.AEAD_AES_128_GCM),
                SrtpProfile.DTLS_PREFERENCE);
    }

    @Test
    void carriesTheLengthsOfRfc3711AndRfc7714() {
        SrtpProfile cm = SrtpProfile.AES_CM_128_HMAC_SHA1_80;
        SrtpProfile gcm = SrtpProfile.AEAD_AES_128_GCM;

        assertEquals(16, cm.keyLength());
        assertEquals(14, cm.saltLength());
        assertEquals(10, cm.tagLength());
        assertEquals(14, cm.rtcpExpansion());
        assertEquals(16, gcm.keyLength());
        assertEquals(12, gcm.saltLength());
        assertEquals(16, gcm.tagLength());
        assertEquals(SrtpProfile.MAX_EXPANSION, gcm.rtcpExpansion());
    }

    @Test
    void placesTheSrtcpIndexBeforeTheTagOrAfterTheAeadTag() {
        assertEquals(100 - 14, SrtpProfile.AES_CM_128_HMAC_SHA1_80.srtcpIndexOffset(100));
        assertEquals(100 - 4, SrtpProfile.AEAD_AES_128_GCM.srtcpIndexOffset(100));
    }
}
