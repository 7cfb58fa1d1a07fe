package dev.calls.media.ice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StunMessageTest {
    private final StunMessage message = new StunMessage();

    @Test
    void parsesTheRfc5769SampleRequest() throws StunParseException {
        message.wrap(Rfc5769.REQUEST, 0, Rfc5769.REQUEST.length);

        assertEquals(StunMessageType.BINDING_REQUEST, message.messageType());
        assertEquals(108, message.length());
        assertArrayEquals(Rfc5769.TRANSACTION_ID, Arrays.copyOfRange(Rfc5769.REQUEST,
                message.transactionIdOffset(), message.transactionIdOffset() + 12));
        assertEquals(List.of(StunAttributeType.SOFTWARE, StunAttributeType.PRIORITY,
                StunAttributeType.ICE_CONTROLLED, StunAttributeType.USERNAME,
                StunAttributeType.MESSAGE_INTEGRITY, StunAttributeType.FINGERPRINT), attributeTypes());
        assertEquals(0x932ff9b151263b36L, message.readLong(message.findAttribute(StunAttributeType.ICE_CONTROLLED)));
        int username = message.findAttribute(StunAttributeType.USERNAME);
        assertEquals("evtj:h6vY", new String(Rfc5769.REQUEST, StunMessage.valueOffset(username),
                message.attributeLength(username), StandardCharsets.UTF_8));
        assertEquals(76, message.integrityAt());
        assertEquals(100, message.fingerprintAt());
        assertEquals(-1, message.findAttribute(StunAttributeType.USE_CANDIDATE));
    }

    @Test
    void parsesAtAnOffsetAndIgnoresTrailingBytes() throws StunParseException {
        byte[] buf = new byte[Rfc5769.REQUEST.length + 13];
        System.arraycopy(Rfc5769.REQUEST, 0, buf, 5, Rfc5769.REQUEST.length);
        message.wrap(buf, 5, buf.length - 5);
        assertEquals(108, message.length());
        assertEquals(81, message.integrityAt());
    }

    @Test
    void ignoresAttributesAfterMessageIntegrityExceptFingerprint() throws StunParseException {
        byte[] buf = new byte[200];
        StunMessageWriter writer = new StunMessageWriter().start(buf, 0, StunMessageType.BINDING_REQUEST,
                Rfc5769.TRANSACTION_ID, 0);
        writer.addInt(StunAttributeType.PRIORITY, 1);
        new MessageIntegrity(new byte[] {1}).append(writer);
        writer.addFlag(StunAttributeType.USE_CANDIDATE);
        new Fingerprint().append(writer);

        message.wrap(buf, 0, writer.length());

        assertEquals(List.of(StunAttributeType.PRIORITY, StunAttributeType.MESSAGE_INTEGRITY,
                StunAttributeType.FINGERPRINT), attributeTypes());
        assertEquals(-1, message.findAttribute(StunAttributeType.USE_CANDIDATE));
    }

    @Test
    void firstOfDuplicateAttributesCounts() throws StunParseException {
        byte[] buf = new byte[100];
        StunMessageWriter writer = new StunMessageWriter().start(buf, 0, StunMessageType.BINDING_REQUEST,
                Rfc5769.TRANSACTION_ID, 0);
        writer.addInt(StunAttributeType.PRIORITY, 7);
        writer.addInt(StunAttributeType.PRIORITY, 9);
        message.wrap(buf, 0, writer.length());
        assertEquals(StunHeader.LENGTH, message.findAttribute(StunAttributeType.PRIORITY), "the first PRIORITY");
    }

    @Test
    void emptyMessageHasNoAttributes() throws StunParseException {
        byte[] buf = Arrays.copyOf(Rfc5769.REQUEST, 20);
        buf[3] = 0;
        message.wrap(buf, 0, 20);
        assertEquals(-1, message.firstAttribute());
        assertEquals(-1, message.integrityAt());
        assertEquals(-1, message.fingerprintAt());
    }

    @Test
    void rejectsMalformedHeaders() {
        assertParseFails(Arrays.copyOf(Rfc5769.REQUEST, 19), 19);
        byte[] topBits = Rfc5769.REQUEST.clone();
        topBits[0] = (byte) 0x40;
        assertParseFails(topBits, topBits.length);
        byte[] noCookie = Rfc5769.REQUEST.clone();
        noCookie[7] = 0x43;
        assertParseFails(noCookie, noCookie.length);
        byte[] unaligned = Rfc5769.REQUEST.clone();
        unaligned[3] = 0x56;
        assertParseFails(unaligned, unaligned.length);
        assertParseFails(Rfc5769.REQUEST, Rfc5769.REQUEST.length - 1);
    }

    @Test
    void rejectsMalformedAttributes() {
        byte[] overrun = Rfc5769.REQUEST.clone();
        overrun[23] = 0x60; // SOFTWARE claims 96 bytes
        assertParseFails(overrun, overrun.length);
        byte[] shortIntegrity = Rfc5769.REQUEST.clone();
        shortIntegrity[79] = 0x10;
        assertParseFails(shortIntegrity, shortIntegrity.length);
        byte[] longFingerprint = Rfc5769.REQUEST.clone();
        longFingerprint[103] = 0x08;
        assertParseFails(longFingerprint, longFingerprint.length);
    }

    @Test
    void rejectsAttributesAfterFingerprint() {
        byte[] buf = Arrays.copyOf(Rfc5769.REQUEST, Rfc5769.REQUEST.length + 4);
        buf[3] = 0x5c;
        buf[109] = 0x25; // USE-CANDIDATE after FINGERPRINT
        assertParseFails(buf, buf.length);
    }

    @Test
    void readingAValueOfTheWrongSizeIsAParseError() throws StunParseException {
        message.wrap(Rfc5769.REQUEST, 0, Rfc5769.REQUEST.length);
        int software = message.findAttribute(StunAttributeType.SOFTWARE);
        assertThrows(StunParseException.class, () -> message.readLong(software));
    }

    @Test
    void everyTruncationFailsWithAParseExceptionOnly() {
        for (int length = 0; length < Rfc5769.REQUEST.length; length++) {
            byte[] truncated = Arrays.copyOf(Rfc5769.REQUEST, length);
            assertParseFails(truncated, length);
        }
    }

    private List<Integer> attributeTypes() {
        List<Integer> types = new ArrayList<>();
        for (int at = message.firstAttribute(); at >= 0; at = message.nextAttribute(at)) {
            types.add(message.attributeType(at));
        }
        return types;
    }

    private void assertParseFails(byte[] buf, int length) {
        assertThrows(StunParseException.class, () -> message.wrap(buf, 0, length));
    }
}
