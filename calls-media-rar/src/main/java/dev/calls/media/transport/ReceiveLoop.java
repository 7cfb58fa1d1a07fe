package dev.calls.media.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;

import org.jboss.logging.Logger;

/**
 * Blocks on one socket of the media port and hands each datagram to the handler, reusing one buffer.
 * Ends when the socket is closed.
 */
public final class ReceiveLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(ReceiveLoop.class);

    private final DatagramChannel channel;
    private final DatagramHandler handler;
    private final ChannelSender replyVia;
    private final byte[] array;
    private final ByteBuffer buffer;
    private final TrafficCounters traffic;

    /** @param replyVia the sender of the loop's socket: replies go out through it, and it closes the socket */
    ReceiveLoop(ChannelSender replyVia, DatagramHandler handler, int maxDatagramBytes, TrafficCounters traffic) {
        this.channel = replyVia.channel();
        this.handler = handler;
        this.replyVia = replyVia;
        this.array = new byte[maxDatagramBytes];
        this.buffer = ByteBuffer.wrap(array);
        this.traffic = traffic;
    }

    @Override
    public void run() {
        while (channel.isOpen()) {
            try {
                buffer.clear();
                InetSocketAddress from = (InetSocketAddress) channel.receive(buffer);
                if (from != null) {
                    traffic.received(buffer.position());
                    handler.onDatagram(array, 0, buffer.position(), from, replyVia);
                }
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                // ICMP-induced errors surface here on Linux; they concern one peer, not the port.
                LOG.debugf("receive failed on the media port: %s", e.getMessage());
            } catch (RuntimeException e) {
                // A handler bug must not stop the port for every call; it is logged, not per packet in normal operation.
                LOG.errorf(e, "datagram handler failed");
            }
        }
    }

    /** Stops the loop by closing its socket; used when the hosting thread is asked to give up. */
    public void stop() {
        try {
            replyVia.close();
        } catch (IOException e) {
            LOG.debugf("closing the media socket failed: %s", e.getMessage());
        }
    }
}
