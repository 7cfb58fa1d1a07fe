package dev.calls.media.peer;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;

/**
 * Forwards UDP datagrams between whoever talks to its front socket on 127.0.0.1 and one target address,
 * in both directions. Lets a test stand a loopback address in front of a real peer, to prove that a
 * {@link TestPeer} reaches a remote candidate on 127.0.0.1 as it must reach a server bound there.
 */
final class UdpRelay implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(UdpRelay.class);

    private final DatagramChannel front;
    private final DatagramChannel back;
    private final InetSocketAddress target;
    private final Thread forward;
    private final Thread backward;
    private volatile SocketAddress client;

    UdpRelay(InetSocketAddress target) throws IOException {
        this.target = target;
        this.front = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.back = DatagramChannel.open().bind(new InetSocketAddress(0));
        this.forward = start("relay-forward", this::forwardLoop);
        this.backward = start("relay-backward", this::backwardLoop);
    }

    /** The relay's address, to put in a candidate. */
    InetSocketAddress frontAddress() throws IOException {
        return (InetSocketAddress) front.getLocalAddress();
    }

    private static Thread start(String name, Runnable loop) {
        Thread thread = new Thread(loop, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void forwardLoop() {
        ByteBuffer buffer = ByteBuffer.allocate(65_536);
        try {
            while (true) {
                buffer.clear();
                client = front.receive(buffer);
                buffer.flip();
                back.send(buffer, target);
            }
        } catch (ClosedChannelException e) {
            LOG.debug("relay closed");
        } catch (IOException e) {
            LOG.warn("relay forward failed", e);
        }
    }

    private void backwardLoop() {
        ByteBuffer buffer = ByteBuffer.allocate(65_536);
        try {
            while (true) {
                buffer.clear();
                back.receive(buffer);
                buffer.flip();
                SocketAddress to = client;
                if (to != null) {
                    front.send(buffer, to);
                }
            }
        } catch (ClosedChannelException e) {
            LOG.debug("relay closed");
        } catch (IOException e) {
            LOG.warn("relay backward failed", e);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        front.close();
        back.close();
        forward.join(5_000);
        backward.join(5_000);
    }
}
