package dev.calls.load.client;

import java.io.IOException;
import java.util.Hashtable;
import java.util.List;
import java.util.Vector;

import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;

import dev.calls.media.dtls.DtlsCertificate;
import dev.calls.media.dtls.DtlsFingerprint;
import dev.calls.media.srtp.DtlsSrtpKeys;
import dev.calls.media.srtp.SrtpProfile;

/**
 * The DTLS 1.2 client of a simulated browser (RFC 5763, RFC 5764), on BouncyCastle with the JCE-backed
 * crypto: offers use_srtp with the given profiles (Chrome offers AEAD_AES_128_GCM then
 * AES_CM_128_HMAC_SHA1_80; offering one alone makes the server use it), extended master
 * secret (RFC 7627, without which the keys cannot be exported), presents its certificate, accepts the
 * server only if its certificate matches the fingerprint from the server's SDP, and exports the SRTP keys.
 * One instance per handshake, used on the handshake thread.
 */
final class SrtpDtlsClient extends DefaultTlsClient {

    private final DtlsCertificate certificate;
    private final DtlsFingerprint serverFingerprint;
    private final int handshakeTimeoutMillis;
    private final int[] offeredProfiles;
    private int selectedProfile = -1;
    private DtlsSrtpKeys keys;

    SrtpDtlsClient(DtlsCertificate certificate, DtlsFingerprint serverFingerprint, int handshakeTimeoutMillis,
            List<SrtpProfile> profiles) {
        super(certificate.crypto());
        this.offeredProfiles = profiles.stream().mapToInt(SrtpProfile::id).toArray();
        this.certificate = certificate;
        this.serverFingerprint = serverFingerprint;
        this.handshakeTimeoutMillis = handshakeTimeoutMillis;
    }

    /** After the handshake: the keys seen from the client (local protects what it sends). */
    DtlsSrtpKeys keys() {
        return keys;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.DTLSv12.only();
    }

    @Override
    public int getHandshakeTimeoutMillis() {
        return handshakeTimeoutMillis;
    }

    @Override
    public boolean requiresExtendedMasterSecret() {
        return true;
    }

    @Override
    public Hashtable getClientExtensions() throws IOException {
        Hashtable extensions = super.getClientExtensions();
        // RFC 5764 §4.1.1: an empty srtp_mki says we use no MKI.
        TlsSRTPUtils.addUseSRTPExtension(extensions, new UseSRTPData(offeredProfiles, TlsUtils.EMPTY_BYTES));
        return extensions;
    }

    @Override
    public void processServerExtensions(Hashtable serverExtensions) throws IOException {
        super.processServerExtensions(serverExtensions);
        UseSRTPData selected = TlsSRTPUtils.getUseSRTPExtension(serverExtensions);
        // RFC 5764 §4.1.1: the server answers with exactly one of the offered profiles.
        if (selected == null || selected.getProtectionProfiles().length != 1) {
            throw new TlsFatalAlert(AlertDescription.illegal_parameter, "the server selected no single SRTP profile");
        }
        selectedProfile = selected.getProtectionProfiles()[0];
    }

    /** RFC 5764 §4.2; BouncyCastle allows the export only here. */
    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        SrtpProfile profile = SrtpProfile.fromId(selectedProfile);
        byte[] material = context.exportKeyingMaterial(DtlsSrtpKeys.EXPORTER_LABEL, null,
                DtlsSrtpKeys.keyingMaterialLength(profile));
        keys = DtlsSrtpKeys.fromKeyingMaterial(profile, material, false);
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            /** RFC 5763 §5: the certificate is authenticated by the fingerprint in the server's SDP, not a CA. */
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                byte[] der = serverCertificate.getCertificate().getCertificateAt(0).getEncoded();
                if (!serverFingerprint.matches(der)) {
                    throw new TlsFatalAlert(AlertDescription.bad_certificate, "server certificate fingerprint mismatch");
                }
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
                Vector algorithms = request.getSupportedSignatureAlgorithms();
                SignatureAndHashAlgorithm algorithm =
                        TlsUtils.chooseSignatureAndHashAlgorithm(context, algorithms, SignatureAlgorithm.ecdsa);
                return certificate.signer(context, algorithm);
            }
        };
    }
}
