package dev.calls.media.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import org.bouncycastle.tls.DatagramTransport;

/**
 * Random datagrams arriving while the server waits for the client's second flight must end the
 * handshake as a reported failure: nothing thrown out of the server, the handshake task finished.
 */
class DtlsServerFuzzTest {

    private static final DtlsCertificate SERVER_CERTIFICATE = DtlsCertificate.generate();
    private static final DtlsCertificate CLIENT_CERTIFICATE = DtlsCertificate.generate();
    private static final byte[] CLIENT_HELLO = captureClientHello();

    /** A fatal unexpected_message alert in epoch 0 with the last sequence number: ends the handshake at once. */
    private static final byte[] FATAL_ALERT = {21, (byte) 0xFE, (byte) 0xFD, 0, 0,
        (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0, 2, 2, 10};

    @FuzzTest(maxDuration = "10s")
    void randomDatagramsMidHandshakeEndInAReportedFailure(FuzzedDataProvider data) {
        List<byte[]> datagrams = new ArrayList<>();
        int count = data.consumeInt(1, DtlsServer.QUEUE_CAPACITY - 2);
        for (int i = 0; i < count; i++) {
            datagrams.add(data.consumeBoolean() ? record(data) : data.consumeBytes(DatagramQueue.RECEIVE_LIMIT));
        }
        datagrams.add(FATAL_ALERT);

        RecordingListener listener = new RecordingListener();
        AtomicReference<DtlsServer> server = new AtomicReference<>();
        AtomicBoolean fed = new AtomicBoolean();
        // The fuzzed datagrams arrive right after the server's first flight, so they are read mid-handshake.
        DtlsPacketSender sender = (buf, off, len) -> {
            if (fed.compareAndSet(false, true)) {
                datagrams.forEach(datagram -> server.get().receive(datagram, 0, datagram.length));
            }
        };
        // Runs the handshake on this thread: start() returning means the handshake task has ended.
        server.set(new DtlsServer(SERVER_CERTIFICATE, List.of(CLIENT_CERTIFICATE.fingerprint()), sender, listener,
            Runnable::run, Duration.ofSeconds(2)));
        server.get().receive(CLIENT_HELLO, 0, CLIENT_HELLO.length);

        server.get().start();

        assertNotNull(listener.failed.getNow(null), "the handshake ended in a reported failure");
        assertFalse(listener.connected.isDone());
        assertEquals(1, listener.outcomes.get());
        server.get().close();
    }

    /** A datagram with a plausible DTLS record header in front of fuzzed content. */
    private static byte[] record(FuzzedDataProvider data) {
        byte contentType = data.consumeBoolean() ? data.pickValue(new Byte[] {20, 21, 22, 23}) : data.consumeByte();
        int epoch = data.consumeInt(0, 2);
        long sequence = data.consumeLong(0, 0xFFFF_FFFF_FFFFL);
        byte[] body = data.consumeBytes(DatagramQueue.RECEIVE_LIMIT - 13);
        int length = data.consumeBoolean() ? body.length : data.consumeInt(0, 0xFFFF);
        byte[] record = new byte[13 + body.length];
        record[0] = contentType;
        record[1] = (byte) 0xFE;
        record[2] = (byte) 0xFD;
        record[3] = (byte) (epoch >> 8);
        record[4] = (byte) epoch;
        for (int i = 0; i < 6; i++) {
            record[5 + i] = (byte) (sequence >> (8 * (5 - i)));
        }
        record[11] = (byte) (length >> 8);
        record[12] = (byte) length;
        System.arraycopy(body, 0, record, 13, body.length);
        return record;
    }

    /** The first datagram a real client sends: its ClientHello, offering use_srtp. */
    private static byte[] captureClientHello() {
        AtomicReference<byte[]> captured = new AtomicReference<>();
        DatagramTransport capturing = new DatagramTransport() {
            @Override
            public int getReceiveLimit() {
                return DatagramQueue.RECEIVE_LIMIT;
            }

            @Override
            public int getSendLimit() {
                return DatagramQueue.SEND_LIMIT;
            }

            @Override
            public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
                throw new IOException("capture only");
            }

            @Override
            public void send(byte[] buf, int off, int len) throws IOException {
                captured.compareAndSet(null, Arrays.copyOfRange(buf, off, off + len));
                throw new IOException("captured");
            }

            @Override
            public void close() {
            }
        };
        DtlsTestClient client = new DtlsTestClient(CLIENT_CERTIFICATE, SERVER_CERTIFICATE.fingerprint(),
            new int[] {SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.AES128_CM_HMAC_SHA1_80}, true);
        try {
            client.connect(capturing);
        } catch (IOException expected) {
            // the capturing transport stops the client after its first datagram
        }
        return captured.get();
    }
}
