package dev.calls.load.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.NetworkChannel;
import java.util.concurrent.atomic.LongAdder;

/**
 * What an endpoint on a channel of its own has in common, whether a UDP socket ({@link ChannelEndpoint}) or
 * an ICE-TCP connection ({@link TcpEndpoint}): its local address is its candidate, its refused sends are
 * counted, and closing it closes the channel.
 */
abstract class OwnChannelEndpoint implements UdpEndpoint {

    private final NetworkChannel channel;
    private final LongAdder sendFailures = new LongAdder();

    OwnChannelEndpoint(NetworkChannel channel) {
        this.channel = channel;
    }

    /** Counts a send the channel refused. */
    void sendFailed() {
        sendFailures.increment();
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
            // Closing fails only if it is closed already.
        }
    }
}
