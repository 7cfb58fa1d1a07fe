package dev.calls.media.dtls;

import java.io.IOException;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.TlsCredentials;

/**
 * The browser's side for the server's tests: {@link SrtpTlsClient} with the misbehaviours a test needs —
 * no use_srtp at all (no profiles), profiles the engine does not know, no extended master secret, no
 * certificate — and a record of the alerts it received.
 */
final class DtlsTestClient extends SrtpTlsClient {

    /** A failing test must not hang on a client waiting forever. */
    private static final int HANDSHAKE_TIMEOUT_MILLIS = 10_000;

    private final boolean offerExtendedMasterSecret;
    final CopyOnWriteArrayList<Short> alertsReceived = new CopyOnWriteArrayList<>();
    private volatile boolean withholdCertificate;

    DtlsTestClient(DtlsCertificate certificate, DtlsFingerprint serverFingerprint, int[] offeredProfiles,
        boolean offerExtendedMasterSecret) {
        super(certificate, serverFingerprint, HANDSHAKE_TIMEOUT_MILLIS,
            offeredProfiles == null ? new int[0] : offeredProfiles);
        this.offerExtendedMasterSecret = offerExtendedMasterSecret;
    }

    /** Answers the server's CertificateRequest with an empty certificate list. */
    DtlsTestClient withoutCertificate() {
        withholdCertificate = true;
        return this;
    }

    @Override
    public boolean shouldUseExtendedMasterSecret() {
        return offerExtendedMasterSecret;
    }

    @Override
    public boolean requiresExtendedMasterSecret() {
        return offerExtendedMasterSecret;
    }

    @Override
    protected TlsCredentials clientCredentials(CertificateRequest request) throws IOException {
        return withholdCertificate ? null : super.clientCredentials(request);
    }

    @Override
    public void notifyAlertReceived(short alertLevel, short alertDescription) {
        alertsReceived.add(alertDescription);
    }
}
