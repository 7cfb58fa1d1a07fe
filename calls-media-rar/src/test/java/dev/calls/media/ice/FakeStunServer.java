package dev.calls.media.ice;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;

/**
 * A STUN server on 127.0.0.1 for tests: answers each binding request with a success response whose
 * XOR-MAPPED-ADDRESS is the address it was told to report (as a server on the far side of a NAT would),
 * after ignoring the first {@code ignoredRequests} requests (lost datagrams).
 */
public final class FakeStunServer implements AutoCloseable {

    private final DatagramSocket socket;
    private final InetSocketAddress reported;
    private final Thread thread;
    private int ignore;

    public FakeStunServer(InetSocketAddress reported, int ignoredRequests) throws SocketException {
        this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        this.reported = reported;
        this.ignore = ignoredRequests;
        this.thread = new Thread(this::serve, "fake-stun");
        thread.setDaemon(true);
        thread.start();
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    private void serve() {
        byte[] buf = new byte[1500];
        byte[] out = new byte[1500];
        StunMessage request = new StunMessage();
        StunMessageWriter writer = new StunMessageWriter();
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(packet);
                request.wrap(buf, 0, packet.getLength());
                if (request.messageType() != StunMessageType.BINDING_REQUEST || ignore-- > 0) {
                    continue;
                }
                writer.start(out, 0, StunMessageType.BINDING_SUCCESS_RESPONSE, buf, request.transactionIdOffset());
                XorMappedAddress.append(writer, reported.getAddress().getAddress(), reported.getPort());
                socket.send(new DatagramPacket(out, writer.length(), packet.getSocketAddress()));
            } catch (StunParseException e) {
                // Not STUN: a real server ignores it too.
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join(5000);
    }
}
