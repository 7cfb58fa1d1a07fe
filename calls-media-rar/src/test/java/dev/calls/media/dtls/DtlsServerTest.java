package dev.calls.media.dtls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.calls.media.srtp.DtlsSrtpKeys;
import dev.calls.media.srtp.SrtpMasterKey;
import dev.calls.media.srtp.SrtpProfile;

class DtlsServerTest {

    /** Chrome's order. */
    private static final int[] BOTH_PROFILES_GCM_FIRST =
        {SrtpProfile.AEAD_AES_128_GCM.id(), SrtpProfile.AES_CM_128_HMAC_SHA1_80.id()};

    private static DtlsCertificate serverCertificate;
    private static DtlsCertificate clientCertificate;

    private final ThreadPerTaskExecutor executor = new ThreadPerTaskExecutor();
    private final RecordingListener listener = new RecordingListener();
    private final DatagramPipe pipe = new DatagramPipe();
    private DtlsServer server;

    @BeforeAll
    static void certificates() {
        serverCertificate = DtlsCertificate.generate();
        clientCertificate = DtlsCertificate.generate();
    }

    @AfterEach
    void closeServer() throws InterruptedException {
        if (server != null) {
            server.close();
        }
        assertTrue(executor.awaitAllEnded(10_000), "DTLS worker threads end after close");
    }

    @Test
    void handshakeExportsTheSameSrtpKeysOnBothSidesAndPrefersCmHmac() throws Exception {
        startServer(List.of(clientCertificate.fingerprint()));
        DtlsTestClient client = client(BOTH_PROFILES_GCM_FIRST, true);

        client.connect(pipe.clientEnd());
        DtlsSrtpKeys serverKeys = listener.connected.get(10, TimeUnit.SECONDS);
        DtlsSrtpKeys clientKeys = client.keys();

        assertEquals(SrtpProfile.AES_CM_128_HMAC_SHA1_80, serverKeys.profile(),
                "our preference wins over the client's order");
        assertEquals(SrtpProfile.AES_CM_128_HMAC_SHA1_80, clientKeys.profile());
        assertEquals(16, serverKeys.remote().key().length);
        assertEquals(14, serverKeys.remote().salt().length);
        assertMirrored(clientKeys, serverKeys);
        assertFalse(Arrays.equals(serverKeys.remote().key(), serverKeys.local().key()), "each direction has its own key");
        assertEquals(1, listener.outcomes.get());
    }

    @Test
    void lostFinalFlightIsRetransmittedWhenTheClientRepeatsItsOwn() throws Exception {
        startServer(List.of(clientCertificate.fingerprint()));
        pipe.loseServerFinalFlightOnce();
        DtlsTestClient client = client(BOTH_PROFILES_GCM_FIRST, true);

        // Completes only if the server, already done, answers the client's retransmission (RFC 6347 §4.2.4).
        client.connect(pipe.clientEnd());

        assertMirrored(client.keys(), listener.connected.get(10, TimeUnit.SECONDS));
    }

    @Test
    void clientOfferingOnlyGcmGetsGcm() throws Exception {
        startServer(List.of(clientCertificate.fingerprint()));
        DtlsTestClient client = client(new int[] {SrtpProfile.AEAD_AES_128_GCM.id()}, true);

        client.connect(pipe.clientEnd());
        DtlsSrtpKeys serverKeys = listener.connected.get(10, TimeUnit.SECONDS);

        assertEquals(SrtpProfile.AEAD_AES_128_GCM, serverKeys.profile());
        assertEquals(12, serverKeys.local().salt().length);
        assertMirrored(client.keys(), serverKeys);
    }

    @Test
    void certificateNotMatchingTheSdpFingerprintFailsWithBadCertificate() throws Exception {
        DtlsFingerprint someoneElse = DtlsCertificate.generate().fingerprint();
        startServer(List.of(someoneElse));
        DtlsTestClient client = client(BOTH_PROFILES_GCM_FIRST, true);

        TlsFatalAlertReceived alert = assertThrows(TlsFatalAlertReceived.class, () -> client.connect(pipe.clientEnd()));

        assertEquals(AlertDescription.bad_certificate, alert.getAlertDescription());
        assertTrue(listener.failed.get(10, TimeUnit.SECONDS).contains("fingerprint"), listener.failed.get());
        assertEquals(HandshakeFailure.REFUSED, listener.failure.get());
        assertFalse(listener.connected.isDone());
    }

    @Test
    void clientWithoutCertificateFails() throws Exception {
        startServer(List.of(clientCertificate.fingerprint()));
        DtlsTestClient client = client(BOTH_PROFILES_GCM_FIRST, true).withoutCertificate();

        assertThrows(IOException.class, () -> client.connect(pipe.clientEnd()));

        assertTrue(listener.failed.get(10, TimeUnit.SECONDS).contains("no certificate"), listener.failed.get());
    }

    @Test
    void anyOfSeveralFingerprintsWithTheStrongestHashMatches() throws Exception {
        DtlsFingerprint sha512 = DtlsFingerprint.of("sha-512", clientCertificate.encoded());
        DtlsFingerprint otherSha512 = DtlsFingerprint.of("sha-512", serverCertificate.encoded());
        startServer(List.of(clientCertificate.fingerprint(), otherSha512, sha512));

        client(BOTH_PROFILES_GCM_FIRST, true).connect(pipe.clientEnd());

        assertEquals(SrtpProfile.AES_CM_128_HMAC_SHA1_80,
                listener.connected.get(10, TimeUnit.SECONDS).profile());
    }

    @Test
    void weakerFingerprintDoesNotCountWhenAStrongerOneIsGiven() throws Exception {
        DtlsFingerprint wrongSha384 = DtlsFingerprint.of("sha-384", serverCertificate.encoded());
        startServer(List.of(clientCertificate.fingerprint(), wrongSha384));

        assertThrows(IOException.class, () -> client(BOTH_PROFILES_GCM_FIRST, true).connect(pipe.clientEnd()));

        assertTrue(listener.failed.get(10, TimeUnit.SECONDS).contains("fingerprint"), listener.failed.get());
    }

    @Test
    void clientWithoutUseSrtpFails() throws Exception {
        startServer(List.of(clientCertificate.fingerprint()));

        assertThrows(IOException.class, () -> client(null, true).connect(pipe.clientEnd()));

        assertTrue(listener.failed.get(10, TimeUnit.SECONDS).contains("use_srtp"), listener.failed.get());
    }

    @Test
    void clientWithoutACommonSrtpProfileFails() throws Exception {
        startServer(List.of(clientCertificate.fingerprint()));
        int[] onlyUnsupported = {0x0002, 0x0008};

        assertThrows(IOException.class, () -> client(onlyUnsupported, true).connect(pipe.clientEnd()));

        assertTrue(listener.failed.get(10, TimeUnit.SECONDS).contains("no SRTP protection profile in common"),
            listener.failed.get());
    }

    @Test
    void clientWithoutExtendedMasterSecretFails() throws Exception {
        startServer(List.of(clientCertificate.fingerprint()));

        assertThrows(IOException.class, () -> client(BOTH_PROFILES_GCM_FIRST, false).connect(pipe.clientEnd()));

        assertTrue(listener.failed.get(10, TimeUnit.SECONDS).contains("extended_master_secret"), listener.failed.get());
    }

    @Test
    void closeAbortsAPendingHandshakeAndEndsItsThread() throws Exception {
        startServer(List.of(clientCertificate.fingerprint()));

        server.close();

        assertTrue(listener.failed.get(10, TimeUnit.SECONDS).contains("closed"), listener.failed.get());
        assertEquals(HandshakeFailure.CLOSED, listener.failure.get());
        assertTrue(executor.awaitAllEnded(10_000));
        assertEquals(1, listener.outcomes.get());
    }

    @Test
    void closeBeforeStartReportsFailureAndStartsNothingAfter() throws Exception {
        server = newServer(List.of(clientCertificate.fingerprint()));

        server.close();

        assertTrue(listener.failed.get(10, TimeUnit.SECONDS).contains("closed"));
        assertEquals(HandshakeFailure.CLOSED, listener.failure.get());
        assertTrue(server.start(), "nothing left to start");
        assertTrue(executor.threads.isEmpty());
    }

    @Test
    void aStartTheExecutorRefusesReportsNothingAndMayBeTriedAgain() throws Exception {
        AtomicInteger offered = new AtomicInteger();
        Executor full = task -> {
            offered.incrementAndGet();
            throw new RejectedExecutionException("full");
        };
        DtlsServer refused = new DtlsServer(serverCertificate, List.of(clientCertificate.fingerprint()),
            pipe.serverSender(), listener, full, Duration.ofSeconds(10));

        assertFalse(refused.start());
        assertFalse(refused.start());

        assertEquals(2, offered.get(), "each start tried again");
        assertEquals(0, listener.outcomes.get(), "a refusal is not a failed handshake");
        refused.close();
    }

    @Test
    void closeAfterTheHandshakeSendsCloseNotify() throws Exception {
        startServer(List.of(clientCertificate.fingerprint()));
        DtlsTestClient client = client(BOTH_PROFILES_GCM_FIRST, true);
        DTLSTransport clientTransport = client.connect(pipe.clientEnd());
        listener.connected.get(10, TimeUnit.SECONDS);

        server.close();
        byte[] buf = new byte[1500];
        // Reading lets the client's record layer process the alert; bounded so a missing alert fails, not hangs.
        for (int i = 0; i < 100 && client.alertsReceived.isEmpty(); i++) {
            clientTransport.receive(buf, 0, buf.length, 100);
        }

        assertEquals(List.of(AlertDescription.close_notify), client.alertsReceived);
        assertFalse(listener.disconnected.isDone(), "our own close is not reported as a disconnect");
    }

    @Test
    void closeNotifyFromThePeerIsReportedAsDisconnect() throws Exception {
        startServer(List.of(clientCertificate.fingerprint()));
        DtlsTestClient client = client(BOTH_PROFILES_GCM_FIRST, true);
        DTLSTransport clientTransport = client.connect(pipe.clientEnd());
        listener.connected.get(10, TimeUnit.SECONDS);

        clientTransport.close();

        String reason = listener.disconnected.get(10, TimeUnit.SECONDS);
        assertTrue(reason.contains("close_notify"), reason);
        assertEquals(1, listener.outcomes.get());
    }

    @Test
    void applicationDataAfterTheHandshakeIsIgnored() throws Exception {
        startServer(List.of(clientCertificate.fingerprint()));
        DtlsTestClient client = client(BOTH_PROFILES_GCM_FIRST, true);
        DTLSTransport clientTransport = client.connect(pipe.clientEnd());
        listener.connected.get(10, TimeUnit.SECONDS);

        clientTransport.send(new byte[] {1, 2, 3}, 0, 3);
        clientTransport.close();

        assertTrue(listener.disconnected.get(10, TimeUnit.SECONDS).contains("close_notify"),
            "the application data record was consumed and the close_notify behind it seen");
    }

    @Test
    void aClientThatNeverSendsItsHelloTimesTheHandshakeOut() throws Exception {
        server = new DtlsServer(serverCertificate, List.of(clientCertificate.fingerprint()), pipe.serverSender(),
            listener, executor, Duration.ofMillis(200));
        pipe.connect(server);
        server.start();

        assertEquals(HandshakeFailure.TIMED_OUT, listener.failure.get(10, TimeUnit.SECONDS), listener.failed.getNow(""));
        assertTrue(listener.failed.get().contains("timed out"), listener.failed.get());
    }

    @Test
    void datagramsBeyondTheQueueAreDroppedAndCounted() {
        server = newServer(List.of(clientCertificate.fingerprint()));
        byte[] datagram = new byte[100];

        for (int i = 0; i < DtlsServer.QUEUE_CAPACITY + 3; i++) {
            server.receive(datagram, 0, datagram.length);
        }
        server.receive(new byte[DatagramQueue.RECEIVE_LIMIT + 1], 0, DatagramQueue.RECEIVE_LIMIT + 1);

        assertEquals(4, server.droppedDatagrams());
    }

    @Test
    void rejectsAnEmptyFingerprintList() {
        assertThrows(IllegalArgumentException.class, () -> newServer(List.of()));
    }

    /**
     * Both ends exported the same keying material: what the client writes with (its local key) is what
     * the server reads with (its remote key), and the other way round (RFC 5764 §4.2).
     */
    private static void assertMirrored(DtlsSrtpKeys clientKeys, DtlsSrtpKeys serverKeys) {
        assertEquals(clientKeys.profile(), serverKeys.profile());
        assertSameKey(clientKeys.local(), serverKeys.remote());
        assertSameKey(clientKeys.remote(), serverKeys.local());
    }

    private static void assertSameKey(SrtpMasterKey expected, SrtpMasterKey actual) {
        assertArrayEquals(expected.key(), actual.key());
        assertArrayEquals(expected.salt(), actual.salt());
    }

    private void startServer(List<DtlsFingerprint> clientFingerprints) {
        server = newServer(clientFingerprints);
        pipe.connect(server);
        server.start();
    }

    private DtlsServer newServer(List<DtlsFingerprint> clientFingerprints) {
        return new DtlsServer(serverCertificate, clientFingerprints, pipe.serverSender(), listener, executor,
            Duration.ofSeconds(10));
    }

    private static DtlsTestClient client(int[] profiles, boolean extendedMasterSecret) {
        return new DtlsTestClient(clientCertificate, serverCertificate.fingerprint(), profiles, extendedMasterSecret);
    }
}
