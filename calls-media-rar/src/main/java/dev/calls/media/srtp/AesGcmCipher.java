package dev.calls.media.srtp;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AEAD_AES_128_GCM for SRTP and SRTCP (RFC 7714 §8 and §9) on the JDK's AES/GCM cipher, whose GHASH
 * and counter mode are CPU intrinsics.
 *
 * <p>The JCE has no way to change a GCM cipher's IV other than {@code init} with a fresh
 * {@link GCMParameterSpec}, and the JDK 17 GCM implementation builds its engine objects in
 * {@code init}: about 0.95 KB of short-lived garbage per packet that the caller cannot avoid short
 * of a GHASH written in Java, which would give up the intrinsic. A forged packet also costs the
 * JDK's {@link AEADBadTagException}, stack trace included.
 *
 * <p>For encryption the JDK refuses an {@code init} with the key and IV of the previous one. IVs
 * differ per packet, so that happens only when the same SSRC and index are protected twice in a
 * row; the packet is then refused with {@link SrtpStatus#REPLAYED}.
 */
final class AesGcmCipher implements SrtpCipher {

    private static final int TAG = SrtpProfile.AEAD_AES_128_GCM.tagLength();
    private static final int TAG_BITS = TAG * 8;
    private static final int IV_LENGTH = 12;

    private final Cipher rtpCipher;
    private final SecretKeySpec rtpKey;
    private final byte[] rtpSalt;
    private final Cipher rtcpCipher;
    private final SecretKeySpec rtcpKey;
    private final byte[] rtcpSalt;
    private final byte[] iv = new byte[IV_LENGTH];

    AesGcmCipher(SrtpSessionKeys rtp, SrtpSessionKeys rtcp) {
        try {
            rtpCipher = Cipher.getInstance("AES/GCM/NoPadding");
            rtcpCipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is a required JCE algorithm", e);
        }
        rtpKey = new SecretKeySpec(rtp.encryptionKey(), "AES");
        rtpSalt = rtp.salt();
        rtcpKey = new SecretKeySpec(rtcp.encryptionKey(), "AES");
        rtcpSalt = rtcp.salt();
    }

    @Override
    public int protectRtp(byte[] buf, int off, int len, int headerLength, int ssrc, long index) {
        if (!startEncryption(rtpCipher, rtpKey, rtpSalt, ssrc, index)) {
            return SrtpStatus.REPLAYED;
        }
        rtpCipher.updateAAD(buf, off, headerLength);
        return headerLength + finish(rtpCipher, buf, off + headerLength, len - headerLength);
    }

    @Override
    public int unprotectRtp(byte[] buf, int off, int len, int headerLength, int ssrc, long index) {
        try {
            rtpCipher.init(Cipher.DECRYPT_MODE, rtpKey, parameters(rtpSalt, ssrc, index));
            rtpCipher.updateAAD(buf, off, headerLength);
            int payload = off + headerLength;
            return headerLength + rtpCipher.doFinal(buf, payload, len - headerLength, buf, payload);
        } catch (AEADBadTagException e) {
            return SrtpStatus.AUTH_FAILED;
        } catch (GeneralSecurityException e) {
            throw unexpected(e);
        }
    }

    /** RFC 7714 §9.2: AAD is the 8-byte header and the E-bit/index word, which follows the tag. */
    @Override
    public int protectRtcp(byte[] buf, int off, int len, int ssrc, int index) {
        if (!startEncryption(rtcpCipher, rtcpKey, rtcpSalt, ssrc, index)) {
            return SrtpStatus.REPLAYED;
        }
        int trailer = off + len + TAG;
        SrtpPacket.writeInt(buf, trailer, SrtpPacket.SRTCP_E_BIT | index);
        rtcpCipher.updateAAD(buf, off, SrtpPacket.RTCP_HEADER);
        rtcpCipher.updateAAD(buf, trailer, SrtpPacket.SRTCP_INDEX_LENGTH);
        int payload = off + SrtpPacket.RTCP_HEADER;
        finish(rtcpCipher, buf, payload, len - SrtpPacket.RTCP_HEADER);
        return len + TAG + SrtpPacket.SRTCP_INDEX_LENGTH;
    }

    /**
     * RFC 7714 §9.2: an encrypted packet authenticates the header and the trailer word as AAD; an
     * unencrypted one (E-bit clear) authenticates the whole RTCP packet and the trailer word, and
     * its "ciphertext" is the tag alone.
     */
    @Override
    public int unprotectRtcp(byte[] buf, int off, int len, int ssrc, int index, boolean encrypted) {
        int trailer = off + len - SrtpPacket.SRTCP_INDEX_LENGTH;
        int rtcpLength = len - TAG - SrtpPacket.SRTCP_INDEX_LENGTH;
        int aadLength = encrypted ? SrtpPacket.RTCP_HEADER : rtcpLength;
        try {
            rtcpCipher.init(Cipher.DECRYPT_MODE, rtcpKey, parameters(rtcpSalt, ssrc, index));
            rtcpCipher.updateAAD(buf, off, aadLength);
            rtcpCipher.updateAAD(buf, trailer, SrtpPacket.SRTCP_INDEX_LENGTH);
            int cipherText = off + aadLength;
            rtcpCipher.doFinal(buf, cipherText, trailer - cipherText, buf, cipherText);
            return rtcpLength;
        } catch (AEADBadTagException e) {
            return SrtpStatus.AUTH_FAILED;
        } catch (GeneralSecurityException e) {
            throw unexpected(e);
        }
    }

    /** Starts an encryption; false if the JDK refuses the IV as a repeat of the previous one. */
    private boolean startEncryption(Cipher cipher, SecretKeySpec key, byte[] salt, int ssrc, long index) {
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, parameters(salt, ssrc, index));
            return true;
        } catch (InvalidAlgorithmParameterException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw unexpected(e);
        }
    }

    /**
     * RFC 7714 §8.1 and §9.1: IV = (00 00 || SSRC || 48-bit index) XOR salt, where the 48-bit field
     * is ROC || SEQ for SRTP and 0x0000 || 0 || SRTCP index for SRTCP.
     */
    private GCMParameterSpec parameters(byte[] salt, int ssrc, long index) {
        iv[0] = salt[0];
        iv[1] = salt[1];
        iv[2] = (byte) (salt[2] ^ ssrc >>> 24);
        iv[3] = (byte) (salt[3] ^ ssrc >>> 16);
        iv[4] = (byte) (salt[4] ^ ssrc >>> 8);
        iv[5] = (byte) (salt[5] ^ ssrc);
        for (int i = 6; i < IV_LENGTH; i++) {
            iv[i] = (byte) (salt[i] ^ index >>> 8 * (IV_LENGTH - 1 - i));
        }
        return new GCMParameterSpec(TAG_BITS, iv);
    }

    private static int finish(Cipher cipher, byte[] buf, int at, int length) {
        try {
            return cipher.doFinal(buf, at, length, buf, at);
        } catch (GeneralSecurityException e) {
            throw unexpected(e);
        }
    }

    private static IllegalStateException unexpected(GeneralSecurityException e) {
        return new IllegalStateException("AES/GCM failed on a packet whose bounds were checked", e);
    }
}
