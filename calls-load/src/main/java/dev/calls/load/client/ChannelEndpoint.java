package dev.calls.load.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.LongAdder;

/**
 * A simulated participant's own UDP socket, connected to the server's candidate so that it sends with
 * {@code write} and the kernel drops datagrams from anyone else. Sends may come from any thread (the JDK
 * serializes them per channel).
 */
final class ChannelEndpoint implements UdpEndpoint {

    private final DatagramChannel channel;
    final DatagramReceiver receiver;
    private final LongAdder sendFailures = new LongAdder();

    ChannelEndpoint(DatagramChannel channel, DatagramReceiver receiver) {
        this.channel = channel;
        this.receiver = receiver;
    }

    DatagramChannel channel() {
        return channel;
    }

    @Override
    public void send(byte[] buf, int off, int len) {
        try {
            if (channel.write(ByteBuffer.wrap(buf, off, len)) == 0) {
                sendFailures.increment();
            }
        } catch (IOException e) {
            sendFailures.increment();
        }
    }

    /** After connecting: the address of the interface the route to the server uses; null if closed. */
    @Override
    public InetSocketAddress localAddress() {
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
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
