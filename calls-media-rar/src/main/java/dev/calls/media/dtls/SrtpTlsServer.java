package dev.calls.media.dtls;

import java.io.IOException;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Vector;

import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.AlertLevel;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;

import org.jboss.logging.Logger;

/**
 * BouncyCastle server policy for the server side of DTLS-SRTP in WebRTC (RFC 5763, RFC 5764, RFC 8827 §6.5):
 * DTLS 1.2 only, ECDHE_ECDSA suites, a client certificate required and checked against the fingerprints
 * from the client's SDP, the use_srtp extension negotiated, extended master secret required. One instance
 * per handshake; used on the handshake worker thread only, except {@link #rejection()}.
 */
final class SrtpTlsServer extends DefaultTlsServer {

    private static final Logger LOG = Logger.getLogger(SrtpTlsServer.class);

    /**
     * AES-GCM first; the CBC suites stay for browsers that still offer them first or only (older Firefox
     * offered TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA). All are ECDHE for forward secrecy, ECDSA for our key.
     */
    private static final int[] CIPHER_SUITES = {
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
    };

    private final DtlsCertificate certificate;
    private final List<DtlsFingerprint> remoteFingerprints;
    private final int handshakeTimeoutMillis;
    private int selectedProfile = -1;
    private DtlsSrtpKeys srtpKeys;
    private volatile String rejection;

    SrtpTlsServer(DtlsCertificate certificate, List<DtlsFingerprint> remoteFingerprints, int handshakeTimeoutMillis) {
        super(certificate.crypto());
        this.certificate = certificate;
        this.remoteFingerprints = List.copyOf(remoteFingerprints);
        this.handshakeTimeoutMillis = handshakeTimeoutMillis;
    }

    /** Why this server refused the handshake, or null if it did not refuse it itself. */
    String rejection() {
        return rejection;
    }

    /** WebRTC mandates DTLS 1.2 (RFC 8827 §6.5); DTLS 1.0 is obsolete and browsers do not offer 1.3 yet. */
    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.DTLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return TlsUtils.getSupportedCipherSuites(getCrypto(), CIPHER_SUITES);
    }

    @Override
    protected boolean preferLocalCipherSuites() {
        return true;
    }

    /** Bounds BouncyCastle's whole handshake; the session's connect timeout is enforced elsewhere. */
    @Override
    public int getHandshakeTimeoutMillis() {
        return handshakeTimeoutMillis;
    }

    /** The SRTP keys are exported from the master secret, which must be bound to the handshake (RFC 7627). */
    @Override
    public boolean requiresExtendedMasterSecret() {
        return true;
    }

    /**
     * Browsers present self-signed certificates whose own signature algorithm says nothing: the peer is
     * authenticated by the SDP fingerprint and the CertificateVerify signature, so only those are checked.
     */
    @Override
    public boolean shouldCheckSigAlgOfPeerCerts() {
        return false;
    }

    @Override
    public void processClientExtensions(Hashtable clientExtensions) throws IOException {
        super.processClientExtensions(clientExtensions);
        if (!TlsExtensionsUtils.hasExtendedMasterSecretExtension(clientExtensions)) {
            throw reject(AlertDescription.handshake_failure,
                "client did not offer extended_master_secret (RFC 7627), needed to export SRTP keys");
        }
        UseSRTPData offered = TlsSRTPUtils.getUseSRTPExtension(clientExtensions);
        if (offered == null) {
            throw reject(AlertDescription.handshake_failure, "client did not offer the use_srtp extension");
        }
        int[] profiles = offered.getProtectionProfiles();
        for (int preferred : SrtpProfile.PREFERENCE) {
            for (int profile : profiles) {
                if (profile == preferred) {
                    selectedProfile = preferred;
                    return;
                }
            }
        }
        throw reject(AlertDescription.handshake_failure,
            "no SRTP protection profile in common, client offered " + Arrays.toString(profiles));
    }

    /**
     * Answers use_srtp with the one selected profile and an empty MKI: we do not use MKIs, and an empty
     * srtp_mki tells the client so whatever it offered (RFC 5764 §4.1.1).
     */
    @Override
    public Hashtable getServerExtensions() throws IOException {
        Hashtable serverExtensions = super.getServerExtensions();
        TlsSRTPUtils.addUseSRTPExtension(serverExtensions,
            new UseSRTPData(new int[] {selectedProfile}, TlsUtils.EMPTY_BYTES));
        return serverExtensions;
    }

    @Override
    protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
        Vector clientSigAlgs = context.getSecurityParametersHandshake().getClientSigAlgs();
        SignatureAndHashAlgorithm algorithm =
            TlsUtils.chooseSignatureAndHashAlgorithm(context, clientSigAlgs, SignatureAlgorithm.ecdsa);
        if (algorithm == null) {
            throw reject(AlertDescription.handshake_failure, "client accepts no ECDSA signature algorithm");
        }
        return certificate.signer(context, algorithm);
    }

    /**
     * Asks for the client's certificate, which DTLS-SRTP requires so that the fingerprint in the client's
     * SDP can authenticate it (RFC 5763 §5); ECDSA in today's browsers, RSA in older ones.
     */
    @Override
    public CertificateRequest getCertificateRequest() {
        short[] types = {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign};
        return new CertificateRequest(types, TlsUtils.getDefaultSupportedSignatureAlgorithms(context), null);
    }

    /**
     * Accepts any certificate chain whose end-entity certificate has a fingerprint given in the client's
     * SDP (RFC 5763 §5). Among several fingerprints, those with the strongest hash function are the ones
     * that count (RFC 8122 §5). The CertificateVerify signature BouncyCastle checks afterwards proves the
     * client holds the key.
     */
    @Override
    public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
        if (clientCertificate == null || clientCertificate.isEmpty()) {
            throw reject(AlertDescription.handshake_failure, "client sent no certificate");
        }
        byte[] der = clientCertificate.getCertificateAt(0).getEncoded();
        int strongest = 0;
        for (DtlsFingerprint fingerprint : remoteFingerprints) {
            strongest = Math.max(strongest, fingerprint.strength());
        }
        for (DtlsFingerprint fingerprint : remoteFingerprints) {
            if (fingerprint.strength() == strongest && fingerprint.matches(der)) {
                return;
            }
        }
        throw reject(AlertDescription.bad_certificate,
            "client certificate does not match the fingerprint in its SDP " + remoteFingerprints);
    }

    /** The SRTP keys, available once the handshake is complete. */
    DtlsSrtpKeys srtpKeys() {
        return srtpKeys;
    }

    /**
     * Exports the SRTP keying material for the selected profile (RFC 5764 §4.2). BouncyCastle allows the
     * export only here, while the completed handshake is being confirmed.
     */
    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        if (!context.getSecurityParametersConnection().isExtendedMasterSecret()) {
            // Cannot happen while requiresExtendedMasterSecret() is true; BouncyCastle would refuse anyway.
            throw new TlsFatalAlert(AlertDescription.internal_error, "no extended master secret");
        }
        int length = 2 * (SrtpProfile.keyLength(selectedProfile) + SrtpProfile.saltLength(selectedProfile));
        byte[] material = context.exportKeyingMaterial(ExporterLabel.dtls_srtp, null, length);
        srtpKeys = DtlsSrtpKeys.split(selectedProfile, material);
    }

    @Override
    public void notifyAlertRaised(short alertLevel, short alertDescription, String message, Throwable cause) {
        LOG.debugf(cause, "DTLS alert sent: %s %s%s", AlertLevel.getText(alertLevel),
            AlertDescription.getText(alertDescription), message == null ? "" : " (" + message + ")");
    }

    @Override
    public void notifyAlertReceived(short alertLevel, short alertDescription) {
        LOG.debugf("DTLS alert received: %s %s", AlertLevel.getText(alertLevel),
            AlertDescription.getText(alertDescription));
    }

    private TlsFatalAlert reject(short alertDescription, String reason) {
        rejection = reason;
        return new TlsFatalAlert(alertDescription, reason);
    }
}
