package dev.calls.media.ice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Rebuilds the RFC 5769 samples with the writer. The samples pad with spaces where the writer pads with
 * zeros (RFC 8489 §14 lets senders choose only zeros, receivers ignore the value), so the test puts the
 * spaces into the reserved padding itself before the HMAC and CRC are computed over it.
 */
class StunMessageWriterTest {
    private final StunMessageWriter writer = new StunMessageWriter();
    private final MessageIntegrity integrity = MessageIntegrity.shortTerm(Rfc5769.PASSWORD);
    private final Fingerprint fingerprint = new Fingerprint();

    @Test
    void reproducesTheRfc5769SampleRequest() {
        byte[] buf = new byte[200];
        writer.start(buf, 0, StunMessageType.BINDING_REQUEST, Rfc5769.TRANSACTION_ID, 0);
        addText(StunAttributeType.SOFTWARE, "STUN test client");
        writer.addInt(StunAttributeType.PRIORITY, 0x6e0001ff);
        writer.addLong(StunAttributeType.ICE_CONTROLLED, 0x932ff9b151263b36L);
        addText(StunAttributeType.USERNAME, "evtj:h6vY");
        integrity.append(writer);
        fingerprint.append(writer);

        assertArrayEquals(Rfc5769.REQUEST, Arrays.copyOf(buf, writer.length()));
    }

    @Test
    void reproducesTheRfc5769Ipv4Response() throws Exception {
        assertArrayEquals(Rfc5769.IPV4_RESPONSE, response("192.0.2.1", 0));
    }

    @Test
    void reproducesTheRfc5769Ipv6ResponseAtAnOffset() throws Exception {
        assertArrayEquals(Rfc5769.IPV6_RESPONSE, response("2001:db8:1234:5678:11:2233:4455:6677", 9));
    }

    @Test
    void padsWithZerosAndKeepsTheLengthFieldCurrent() {
        byte[] buf = new byte[64];
        Arrays.fill(buf, (byte) 0x55);
        writer.start(buf, 0, StunMessageType.BINDING_REQUEST, Rfc5769.TRANSACTION_ID, 0);
        assertEquals(0, StunHeader.messageLength(buf, 0));
        writer.addBytes(StunAttributeType.USERNAME, new byte[] {'a', 'b', 'c', 'd', 'e'}, 0, 5);
        assertEquals(12, StunHeader.messageLength(buf, 0));
        assertEquals(32, writer.length());
        assertArrayEquals(new byte[] {'e', 0, 0, 0}, Arrays.copyOfRange(buf, 28, 32));
        writer.addFlag(StunAttributeType.USE_CANDIDATE);
        assertEquals(16, StunHeader.messageLength(buf, 0));
    }

    @Test
    void refusesToRunPastTheBuffer() {
        byte[] buf = new byte[30];
        writer.start(buf, 0, StunMessageType.BINDING_REQUEST, Rfc5769.TRANSACTION_ID, 0);
        assertThrows(IndexOutOfBoundsException.class, () -> writer.addLong(StunAttributeType.ICE_CONTROLLING, 1));
        assertThrows(IndexOutOfBoundsException.class,
                () -> writer.start(buf, 20, StunMessageType.BINDING_REQUEST, Rfc5769.TRANSACTION_ID, 0));
    }

    private byte[] response(String mappedAddress, int offset) throws Exception {
        byte[] buf = new byte[offset + 100];
        writer.start(buf, offset, StunMessageType.BINDING_SUCCESS_RESPONSE, Rfc5769.TRANSACTION_ID, 0);
        addText(StunAttributeType.SOFTWARE, "test vector");
        XorMappedAddress.append(writer, InetAddress.getByName(mappedAddress).getAddress(), 32853);
        integrity.append(writer);
        fingerprint.append(writer);
        return Arrays.copyOfRange(buf, offset, offset + writer.length());
    }

    /** A text attribute padded with spaces, as the RFC 5769 samples are. */
    private void addText(int type, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int value = writer.reserveAttribute(type, bytes.length);
        System.arraycopy(bytes, 0, writer.buffer(), value, bytes.length);
        Arrays.fill(writer.buffer(), value + bytes.length, value + StunMessage.padded(bytes.length), (byte) ' ');
    }
}
