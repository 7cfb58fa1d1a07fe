package dev.calls.media.ice;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;

/**
 * Asks a STUN server which address and port it sees a request come from (RFC 8489 §3: the Binding method),
 * which is the public address of a server behind NAT. For the startup check, not for the media path.
 */
public final class StunBindingClient {

    /** RFC 8489 §6.2.1: the first retransmission after 500 ms, each later one after twice as long. */
    private static final long INITIAL_RTO_MILLIS = 500;
    private static final SecureRandom RANDOM = new SecureRandom();

    private StunBindingClient() {
    }

    /**
     * Sends binding requests from {@code socket} to {@code server}, retransmitting, until a success response
     * of the same transaction arrives or {@code timeout} passes.
     *
     * @return the XOR-MAPPED-ADDRESS of the response, or null when none came in time
     * @throws IOException on a socket error, an error response, or a success response without an address
     */
    public static InetSocketAddress query(DatagramSocket socket, InetSocketAddress server, Duration timeout)
            throws IOException {
        byte[] transaction = new byte[StunHeader.TRANSACTION_ID_LENGTH];
        RANDOM.nextBytes(transaction);
        byte[] request = new byte[StunHeader.LENGTH];
        new StunMessageWriter().start(request, 0, StunMessageType.BINDING_REQUEST, transaction, 0);
        byte[] response = new byte[1500];
        long deadline = System.nanoTime() + timeout.toNanos();
        long rto = INITIAL_RTO_MILLIS;
        while (System.nanoTime() < deadline) {
            socket.send(new DatagramPacket(request, request.length, server));
            long waitUntil = Math.min(deadline, System.nanoTime() + rto * 1_000_000);
            rto *= 2;
            InetSocketAddress mapped = awaitResponse(socket, server, transaction, response, waitUntil);
            if (mapped != null) {
                return mapped;
            }
        }
        return null;
    }

    private static InetSocketAddress awaitResponse(DatagramSocket socket, InetSocketAddress server, byte[] transaction,
            byte[] buf, long waitUntil) throws IOException {
        StunMessage message = new StunMessage();
        while (true) {
            long remainingMillis = (waitUntil - System.nanoTime()) / 1_000_000;
            if (remainingMillis <= 0) {
                return null;
            }
            socket.setSoTimeout((int) Math.min(remainingMillis, Integer.MAX_VALUE));
            DatagramPacket packet = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                return null;
            }
            if (!server.equals(packet.getSocketAddress())) {
                continue;
            }
            try {
                message.wrap(buf, 0, packet.getLength());
            } catch (StunParseException e) {
                continue;
            }
            int at = message.transactionIdOffset();
            if (!Arrays.equals(buf, at, at + transaction.length, transaction, 0, transaction.length)) {
                continue;
            }
            return mappedAddress(message);
        }
    }

    private static InetSocketAddress mappedAddress(StunMessage message) throws IOException {
        if (message.messageType() != StunMessageType.BINDING_SUCCESS_RESPONSE) {
            throw new IOException("the STUN server answered with an error response");
        }
        int at = message.findAttribute(StunAttributeType.XOR_MAPPED_ADDRESS);
        if (at < 0) {
            throw new IOException("the STUN server's response has no XOR-MAPPED-ADDRESS");
        }
        try {
            return XorMappedAddress.decode(message, at);
        } catch (StunParseException e) {
            throw new IOException("the STUN server's XOR-MAPPED-ADDRESS is malformed: " + e.getMessage(), e);
        }
    }
}
