package dev.calls.load.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * A simulated participant's own UDP socket, connected to the server's candidate so that it sends with
 * {@code write} and the kernel drops datagrams from anyone else. Sends may come from any thread (the JDK
 * serializes them per channel).
 */
final class ChannelEndpoint extends OwnChannelEndpoint {

    private final DatagramChannel channel;
    final DatagramReceiver receiver;

    ChannelEndpoint(DatagramChannel channel, DatagramReceiver receiver) {
        super(channel);
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
                sendFailed();
            }
        } catch (IOException e) {
            sendFailed();
        }
    }
}
