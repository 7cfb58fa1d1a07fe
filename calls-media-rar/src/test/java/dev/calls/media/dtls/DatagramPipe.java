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

    void connect(DtlsServer server) {
        this.server = server;
    }

    DtlsPacketSender serverSender() {
        return (buf, off, len) -> toClient.add(Arrays.copyOfRange(buf, off, off + len));
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
