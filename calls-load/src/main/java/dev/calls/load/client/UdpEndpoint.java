package dev.calls.load.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.LongAdder;

/**
 * One simulated participant's UDP socket, connected to the server's candidate so that it sends with
 * {@code write} and the kernel drops datagrams from anyone else. Sends may come from any thread (the JDK
 * serializes them per channel); a send the socket refuses is counted and lost, as a browser's would be.
 */
public final class UdpEndpoint implements AutoCloseable {

    private final DatagramChannel channel;
    final DatagramReceiver receiver;
    private final LongAdder sendFailures = new LongAdder();

    UdpEndpoint(DatagramChannel channel, DatagramReceiver receiver) {
        this.channel = channel;
        this.receiver = receiver;
    }

    DatagramChannel channel() {
        return channel;
    }

    public void send(byte[] buf, int off, int len) {
        try {
            if (channel.write(ByteBuffer.wrap(buf, off, len)) == 0) {
                sendFailures.increment();
            }
        } catch (IOException e) {
            sendFailures.increment();
        }
    }

    /** The local address the socket sends from (after connecting, the interface the route uses); null if closed. */
    public InetSocketAddress localAddress() {
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            return null;
        }
    }

    public long sendFailures() {
        return sendFailures.sum();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // Closing a datagram channel fails only if it is closed already.
        }
    }
}
