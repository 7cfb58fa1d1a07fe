package dev.calls.media.dtls;

import java.io.IOException;
import java.util.Hashtable;
import java.util.List;
import java.util.Vector;

import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.DatagramTransport;
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

import dev.calls.media.srtp.DtlsSrtpKeys;
import dev.calls.media.srtp.SrtpProfile;

/**
 * The browser's side of DTLS-SRTP (RFC 5763, RFC 5764), for tools and tests that stand in for a browser:
 * DTLS 1.2 on BouncyCastle with the JCE-backed crypto, use_srtp offered with the given profiles in order
 * (Chrome offers AEAD_AES_128_GCM then AES_CM_128_HMAC_SHA1_80), extended master secret required
 * (RFC 7627; the keys cannot be exported without it), its own certificate presented, and the server
 * accepted only if its certificate matches the fingerprint from the server's SDP. One instance per
 * handshake, used on the thread that runs it.
 */
public class SrtpTlsClient extends DefaultTlsClient {

    private final DtlsCertificate certificate;
    private final DtlsFingerprint serverFingerprint;
    private final int handshakeTimeoutMillis;
    private final int[] offeredProfileIds;
    private volatile int selectedProfileId = -1;
    private volatile DtlsSrtpKeys keys;

    public SrtpTlsClient(DtlsCertificate certificate, DtlsFingerprint serverFingerprint, int handshakeTimeoutMillis,
            List<SrtpProfile> profiles) {
        this(certificate, serverFingerprint, handshakeTimeoutMillis,
                profiles.stream().mapToInt(SrtpProfile::id).toArray());
    }

    /** Offers protection profiles by their registry ids, including ones this engine does not implement. */
    protected SrtpTlsClient(DtlsCertificate certificate, DtlsFingerprint serverFingerprint,
            int handshakeTimeoutMillis, int[] offeredProfileIds) {
        super(certificate.crypto());
        this.certificate = certificate;
        this.serverFingerprint = serverFingerprint;
        this.handshakeTimeoutMillis = handshakeTimeoutMillis;
        this.offeredProfileIds = offeredProfileIds.clone();
    }

    /** Runs the handshake over {@code transport} on the calling thread. */
    public DTLSTransport connect(DatagramTransport transport) throws IOException {
        return new DTLSClientProtocol().connect(this, transport);
    }

    /** After the handshake: the SRTP keys seen from the client (local protects what it sends). */
    public DtlsSrtpKeys keys() {
        return keys;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.DTLSv12.only();
    }

    /** Bounds the whole handshake, so a client never waits forever on a silent server. */
    @Override
    public int getHandshakeTimeoutMillis() {
        return handshakeTimeoutMillis;
    }

    @Override
    public boolean requiresExtendedMasterSecret() {
        return true;
    }

    /** RFC 5764 §4.1.1: an empty srtp_mki says we use no MKI. No profiles: no use_srtp extension at all. */
    @Override
    public Hashtable getClientExtensions() throws IOException {
        Hashtable extensions = super.getClientExtensions();
        if (offeredProfileIds.length > 0) {
            TlsSRTPUtils.addUseSRTPExtension(extensions, new UseSRTPData(offeredProfileIds, TlsUtils.EMPTY_BYTES));
        }
        return extensions;
    }

    /** RFC 5764 §4.1.1: the server answers with exactly one of the offered profiles. */
    @Override
    public void processServerExtensions(Hashtable serverExtensions) throws IOException {
        super.processServerExtensions(serverExtensions);
        UseSRTPData selected = TlsSRTPUtils.getUseSRTPExtension(serverExtensions);
        if (selected == null || selected.getProtectionProfiles().length != 1) {
            throw new TlsFatalAlert(AlertDescription.illegal_parameter, "the server selected no single SRTP profile");
        }
        selectedProfileId = selected.getProtectionProfiles()[0];
    }

    /** RFC 5764 §4.2; BouncyCastle allows the export only here. */
    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        SrtpProfile profile = SrtpProfile.fromId(selectedProfileId);
        byte[] material = context.exportKeyingMaterial(DtlsSrtpKeys.EXPORTER_LABEL, null,
                DtlsSrtpKeys.keyingMaterialLength(profile));
        keys = DtlsSrtpKeys.fromKeyingMaterial(profile, material, false);
    }

    /** The credentials answering the server's CertificateRequest: this client's certificate, signed with ECDSA. */
    protected TlsCredentials clientCredentials(CertificateRequest request) throws IOException {
        Vector algorithms = request.getSupportedSignatureAlgorithms();
        SignatureAndHashAlgorithm algorithm =
                TlsUtils.chooseSignatureAndHashAlgorithm(context, algorithms, SignatureAlgorithm.ecdsa);
        return certificate.signer(context, algorithm);
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
                return clientCredentials(request);
            }
        };
    }
}
