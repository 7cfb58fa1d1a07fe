package dev.calls.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import dev.calls.media.ice.ErrorCode;
import dev.calls.media.ice.Fingerprint;
import dev.calls.media.ice.MessageIntegrity;
import dev.calls.media.ice.StunAttributeType;
import dev.calls.media.ice.StunMessage;
import dev.calls.media.ice.StunMessageType;
import dev.calls.media.ice.StunMessageWriter;

/**
 * Connectivity checks sent from a plain socket, and the engine's answers read back, for tests; public for
 * the end-to-end tests, which send them to the deployed server.
 */
public final class StunChecks {

    private StunChecks() {
    }

    /** A check as a controlling agent sends it (RFC 8445 §7.1), signed with {@code password}. */
    public static byte[] bindingRequest(String username, String password) {
        byte[] buf = new byte[256];
        byte[] transaction = new byte[12];
        Arrays.fill(transaction, (byte) 7);
        StunMessageWriter writer = new StunMessageWriter().start(buf, 0, StunMessageType.BINDING_REQUEST, transaction, 0);
        byte[] user = username.getBytes(StandardCharsets.US_ASCII);
        writer.addBytes(StunAttributeType.USERNAME, user, 0, user.length);
        writer.addInt(StunAttributeType.PRIORITY, 1_845_501_695);
        writer.addLong(StunAttributeType.ICE_CONTROLLING, 42);
        MessageIntegrity.shortTerm(password).append(writer);
        new Fingerprint().append(writer);
        return Arrays.copyOf(buf, writer.length());
    }

    /** The next datagram, or null when none comes within the socket's timeout. */
    public static DatagramPacket receive(DatagramSocket socket) throws Exception {
        DatagramPacket packet = new DatagramPacket(new byte[1500], 1500);
        try {
            socket.receive(packet);
            return packet;
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    /** The ERROR-CODE of a binding error response, failing the test for anything else. */
    public static int errorCodeOf(DatagramPacket response) throws Exception {
        StunMessage message = new StunMessage().wrap(response.getData(), 0, response.getLength());
        assertEquals(StunMessageType.BINDING_ERROR_RESPONSE, message.messageType());
        return ErrorCode.code(message, message.findAttribute(StunAttributeType.ERROR_CODE));
    }
}
