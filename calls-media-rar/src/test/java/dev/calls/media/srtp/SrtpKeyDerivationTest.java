package dev.calls.media.srtp;

import static dev.calls.media.srtp.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class SrtpKeyDerivationTest {

    private static final byte[] MASTER_KEY = bytes("E1F97A0D3E018BE0D64FA32C06DE4139");
    private static final byte[] MASTER_SALT = bytes("0EC675AD498AFEEBB6960B3AABE6");

    @Test
    void derivesTheCipherKeyOfRfc3711AppendixB3() {
        assertArrayEquals(bytes("C61E7A93744F39EE10734AFE3FF7A087"),
                SrtpKeyDerivation.derive(MASTER_KEY, MASTER_SALT, SrtpKeyDerivation.RTP_ENCRYPTION, 16));
    }

    @Test
    void derivesTheCipherSaltOfRfc3711AppendixB3() {
        assertArrayEquals(bytes("30CBBC08863D8C85D49DB34A9AE1"),
                SrtpKeyDerivation.derive(MASTER_KEY, MASTER_SALT, SrtpKeyDerivation.RTP_SALT, 14));
    }

    /** 94 bytes span six PRF blocks, so this also checks the block counter. */
    @Test
    void derivesTheWholeAuthKeyOfRfc3711AppendixB3() {
        assertArrayEquals(bytes("""
                CEBE321F6FF7716B6FD4AB49AF256A15
                6D38BAA48F0A0ACF3C34E2359E6CDBCE
                E049646C43D9327AD175578EF7227098
                6371C10C9A369AC2F94A8C5FBCDDDC25
                6D6E919A48B610EF17C2041E47403576
                6B68642C59BBFC2F34DB60DBDFB2"""),
                SrtpKeyDerivation.derive(MASTER_KEY, MASTER_SALT, SrtpKeyDerivation.RTP_AUTHENTICATION, 94));
    }

    @Test
    void sessionKeysUseTheRtpAndRtcpLabels() {
        SrtpMasterKey master = new SrtpMasterKey(SrtpProfile.AES_CM_128_HMAC_SHA1_80, MASTER_KEY, MASTER_SALT);
        SrtpSessionKeys rtp = SrtpSessionKeys.forRtp(master);
        SrtpSessionKeys rtcp = SrtpSessionKeys.forRtcp(master);

        assertArrayEquals(bytes("C61E7A93744F39EE10734AFE3FF7A087"), rtp.encryptionKey());
        assertArrayEquals(bytes("CEBE321F6FF7716B6FD4AB49AF256A156D38BAA4"), rtp.authKey());
        assertArrayEquals(bytes("30CBBC08863D8C85D49DB34A9AE1"), rtp.salt());
        assertArrayEquals(SrtpKeyDerivation.derive(MASTER_KEY, MASTER_SALT, 3, 16), rtcp.encryptionKey());
        assertArrayEquals(SrtpKeyDerivation.derive(MASTER_KEY, MASTER_SALT, 4, 20), rtcp.authKey());
        assertArrayEquals(SrtpKeyDerivation.derive(MASTER_KEY, MASTER_SALT, 5, 14), rtcp.salt());
    }

    @Test
    void aeadSessionKeysHaveA12ByteSaltAndNoAuthKey() {
        SrtpMasterKey master = new SrtpMasterKey(SrtpProfile.AEAD_AES_128_GCM, new byte[16], new byte[12]);
        SrtpSessionKeys rtp = SrtpSessionKeys.forRtp(master);

        assertArrayEquals(new byte[0], rtp.authKey());
        assertArrayEquals(SrtpKeyDerivation.derive(new byte[16], new byte[14], SrtpKeyDerivation.RTP_SALT, 12),
                rtp.salt(), "a 12-byte master salt is the 14-byte one with two trailing zeros");
    }
}
