/**
 * SRTP and SRTCP (RFC 3711) with the two DTLS-SRTP profiles browsers offer, AES_CM_128_HMAC_SHA1_80
 * and AEAD_AES_128_GCM (RFC 7714), on the JDK's JCE.
 *
 * <p>A session has one {@link dev.calls.media.srtp.SrtpSender} built from the local master key and
 * one {@link dev.calls.media.srtp.SrtpReceiver} built from the remote one
 * ({@link dev.calls.media.srtp.DtlsSrtpKeys} splits the DTLS exporter output). Both work in place on
 * {@code (byte[], offset, length)}, answer bad packets with a {@link dev.calls.media.srtp.SrtpStatus}
 * instead of an exception, and are used by one thread at a time. Master key lifetime limits
 * (2^48 SRTP, 2^31 SRTCP packets) are far beyond a call; there is no re-keying and no MKI.
 */
package dev.calls.media.srtp;
