package dev.calls.media.dtls;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.tls.DatagramTransport;

/**
 * An in-memory datagram link for tests: {@link #clientEnd()} is the client's BouncyCastle transport,
 * whose sends go to the server's {@link DtlsServer#receive}; {@link #serverSender()} queues the server's
 * datagrams for the client.
 */
final class DatagramPipe {

    private final BlockingQueue<byte[]> toClient = new LinkedBlockingQueue<>();
    private volatile DtlsServer server;
    private volatile boolean loseServerFinalFlight;
    private boolean changeCipherSpecLost;
    private boolean finishedLost;

    void connect(DtlsServer server) {
        this.server = server;
    }

    /**
     * Loses the first transmission of the server's final flight: its change_cipher_spec record and its
     * first record in epoch 1 (the Finished message).
     */
    void loseServerFinalFlightOnce() {
        loseServerFinalFlight = true;
    }

    DtlsPacketSender serverSender() {
        return (buf, off, len) -> {
            if (loseServerFinalFlight && isFirstOfFinalFlight(buf, off)) {
                return;
            }
            toClient.add(Arrays.copyOfRange(buf, off, off + len));
        };
    }

    private synchronized boolean isFirstOfFinalFlight(byte[] buf, int off) {
        int contentType = buf[off];
        int epoch = (buf[off + 3] & 0xFF) << 8 | buf[off + 4] & 0xFF;
        if (contentType == 20 && !changeCipherSpecLost) {
            changeCipherSpecLost = true;
            return true;
        }
        if (epoch == 1 && !finishedLost) {
            finishedLost = true;
            return true;
        }
        return false;
    }

    DatagramTransport clientEnd() {
        return new DatagramTransport() {
            @Override
            public int getReceiveLimit() {
                return 1500;
            }

            @Override
            public int getSendLimit() {
                return 1200;
            }

            @Override
            public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
                byte[] datagram;
                try {
                    datagram = waitMillis > 0 ? toClient.poll(waitMillis, TimeUnit.MILLISECONDS) : toClient.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
                if (datagram == null) {
                    return -1;
                }
                int n = Math.min(len, datagram.length);
                System.arraycopy(datagram, 0, buf, off, n);
                return n;
            }

            @Override
            public void send(byte[] buf, int off, int len) {
                server.receive(buf, off, len);
            }

            @Override
            public void close() {
            }
        };
    }
}
