package dev.calls.media.dtls;

import java.io.IOException;
import java.util.Hashtable;
import java.util.Vector;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.DatagramTransport;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ExporterLabel;
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

/**
 * The browser's side for tests: a BouncyCastle DTLS 1.2 client with its own self-signed certificate that
 * checks the server's certificate against the server's SDP fingerprint, offers use_srtp with the given
 * profiles (none: no extension) and, unless told otherwise, extended master secret.
 */
final class DtlsTestClient extends DefaultTlsClient {

    private final DtlsCertificate certificate;
    private final DtlsFingerprint serverFingerprint;
    private final int[] offeredProfiles;
    private final boolean offerExtendedMasterSecret;
    final CopyOnWriteArrayList<Short> alertsReceived = new CopyOnWriteArrayList<>();
    private volatile int selectedProfile = -1;
    private volatile DtlsSrtpKeys srtpKeys;
    private volatile boolean withholdCertificate;

    DtlsTestClient(DtlsCertificate certificate, DtlsFingerprint serverFingerprint, int[] offeredProfiles,
        boolean offerExtendedMasterSecret) {
        super(certificate.crypto());
        this.certificate = certificate;
        this.serverFingerprint = serverFingerprint;
        this.offeredProfiles = offeredProfiles;
        this.offerExtendedMasterSecret = offerExtendedMasterSecret;
    }

    /** Answers the server's CertificateRequest with an empty certificate list. */
    DtlsTestClient withoutCertificate() {
        withholdCertificate = true;
        return this;
    }

    /** Runs the handshake over {@code transport}. */
    DTLSTransport connect(DatagramTransport transport) throws IOException {
        return new DTLSClientProtocol().connect(this, transport);
    }

    /** After connect: the SRTP keys this client derived, split as the server splits its own. */
    DtlsSrtpKeys srtpKeys() {
        return srtpKeys;
    }

    /** BouncyCastle allows keying material export only here. */
    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        int length = 2 * (SrtpProfile.keyLength(selectedProfile) + SrtpProfile.saltLength(selectedProfile));
        byte[] material = context.exportKeyingMaterial(ExporterLabel.dtls_srtp, null, length);
        srtpKeys = DtlsSrtpKeys.split(selectedProfile, material);
    }

    int selectedProfile() {
        return selectedProfile;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.DTLSv12.only();
    }

    /** A failing test must not hang on a client waiting forever. */
    @Override
    public int getHandshakeTimeoutMillis() {
        return 10_000;
    }

    @Override
    public boolean shouldUseExtendedMasterSecret() {
        return offerExtendedMasterSecret;
    }

    @Override
    public Hashtable getClientExtensions() throws IOException {
        Hashtable extensions = super.getClientExtensions();
        if (offeredProfiles != null) {
            TlsSRTPUtils.addUseSRTPExtension(extensions, new UseSRTPData(offeredProfiles, TlsUtils.EMPTY_BYTES));
        }
        return extensions;
    }

    @Override
    public void processServerExtensions(Hashtable serverExtensions) throws IOException {
        super.processServerExtensions(serverExtensions);
        UseSRTPData selected = TlsSRTPUtils.getUseSRTPExtension(serverExtensions);
        if (selected == null || selected.getProtectionProfiles().length != 1) {
            throw new TlsFatalAlert(AlertDescription.illegal_parameter, "server must select one SRTP profile");
        }
        selectedProfile = selected.getProtectionProfiles()[0];
    }

    @Override
    public void notifyAlertReceived(short alertLevel, short alertDescription) {
        alertsReceived.add(alertDescription);
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                byte[] der = serverCertificate.getCertificate().getCertificateAt(0).getEncoded();
                if (!serverFingerprint.matches(der)) {
                    throw new TlsFatalAlert(AlertDescription.bad_certificate, "server fingerprint mismatch");
                }
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
                if (withholdCertificate) {
                    return null;
                }
                Vector sigAlgs = request.getSupportedSignatureAlgorithms();
                SignatureAndHashAlgorithm algorithm =
                    TlsUtils.chooseSignatureAndHashAlgorithm(context, sigAlgs, SignatureAlgorithm.ecdsa);
                return certificate.signer(context, algorithm);
            }
        };
    }
}
