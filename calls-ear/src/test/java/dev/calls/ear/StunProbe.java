package dev.calls.ear;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Sends one STUN binding request for a ufrag no session owns to a UDP port of this machine and says
 * whether a STUN answer came back: the media engine answers such a check with an error response (RFC 8445
 * §7.3), which shows that it listens on that port.
 */
final class StunProbe {

    private static final int MAGIC_COOKIE = 0x2112A442;
    private static final int BINDING_REQUEST = 0x0001;
    private static final int BINDING_ERROR_RESPONSE = 0x0111;
    private static final int USERNAME = 0x0006;
    private static final int FINGERPRINT = 0x8028;
    /** RFC 8489 §14.7: the CRC-32 is XORed with "STUN". */
    private static final int FINGERPRINT_XOR = 0x5354554E;

    private StunProbe() {
    }

    /**
     * True when a STUN error response to our request, sent from loopback to {@code address:port}, came back
     * from that address within two seconds: an ICE check answered from another one fails (RFC 8445
     * §7.2.5.2.1), so the address is the one the server advertises.
     */
    static boolean answers(String address, int port) {
        byte[] transaction = new byte[12];
        Arrays.fill(transaction, (byte) 0x5A);
        byte[] request = request(transaction);
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(2000);
            InetAddress target = InetAddress.getByName(address);
            socket.send(new DatagramPacket(request, request.length, target, port));
            DatagramPacket response = new DatagramPacket(new byte[1500], 1500);
            socket.receive(response);
            ByteBuffer in = ByteBuffer.wrap(response.getData(), 0, response.getLength());
            return response.getAddress().equals(target) && response.getLength() >= 20
                    && (in.getShort(0) & 0xFFFF) == BINDING_ERROR_RESPONSE && in.getInt(4) == MAGIC_COOKIE
                    && Arrays.equals(response.getData(), 8, 20, transaction, 0, 12);
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A binding request (RFC 8489 §5) with USERNAME and FINGERPRINT, and no MESSAGE-INTEGRITY. */
    private static byte[] request(byte[] transaction) {
        byte[] username = "nosuchufrag:probe".getBytes(StandardCharsets.US_ASCII);
        int usernamePadded = (username.length + 3) & ~3;
        ByteBuffer out = ByteBuffer.allocate(20 + 4 + usernamePadded + 8);
        out.putShort((short) BINDING_REQUEST).putShort((short) (4 + usernamePadded + 8)).putInt(MAGIC_COOKIE).put(transaction);
        out.putShort((short) USERNAME).putShort((short) username.length).put(username);
        out.position(20 + 4 + usernamePadded);
        CRC32 crc = new CRC32();
        crc.update(out.array(), 0, out.position());
        out.putShort((short) FINGERPRINT).putShort((short) 4).putInt((int) crc.getValue() ^ FINGERPRINT_XOR);
        return out.array();
    }
}
