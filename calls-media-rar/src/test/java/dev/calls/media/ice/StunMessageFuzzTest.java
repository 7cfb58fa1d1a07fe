package dev.calls.media.ice;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Every STUN reader over arbitrary bytes: the only exception allowed is {@link StunParseException}. Plain
 * test runs replay the seeds (the RFC 5769 samples); {@code JAZZER_FUZZ=1} fuzzes.
 */
class StunMessageFuzzTest {
    private final StunMessage message = new StunMessage();
    private final MessageIntegrity integrity = MessageIntegrity.shortTerm(Rfc5769.PASSWORD);
    private final Fingerprint fingerprint = new Fingerprint();

    @FuzzTest(maxDuration = "10s")
    void readersOnlyThrowParseExceptions(byte[] datagram) {
        StunHeader.isStun(datagram, 0, datagram.length);
        long ufrag = StunUsername.localUfragRange(datagram, 0, datagram.length);
        if (ufrag >= 0) {
            assertTrue(StunUsername.offsetOf(ufrag) + StunUsername.lengthOf(ufrag) <= datagram.length);
        }
        try {
            message.wrap(datagram, 0, datagram.length);
        } catch (StunParseException expected) {
            return;
        }
        assertTrue(message.length() <= datagram.length);
        integrity.verify(message);
        fingerprint.verify(message);
        for (int at = message.firstAttribute(); at >= 0; at = message.nextAttribute(at)) {
            assertTrue(StunMessage.valueOffset(at) + message.attributeLength(at) <= message.length());
            readValue(at);
        }
    }

    private void readValue(int at) {
        try {
            switch (message.attributeType(at)) {
                case StunAttributeType.XOR_MAPPED_ADDRESS:
                    XorMappedAddress.decode(message, at);
                    break;
                case StunAttributeType.ERROR_CODE:
                    ErrorCode.code(message, at);
                    break;
                case StunAttributeType.ICE_CONTROLLED:
                case StunAttributeType.ICE_CONTROLLING:
                    message.readLong(at);
                    break;
                default:
                    break;
            }
        } catch (StunParseException expected) {
            // A bad value is a parse error like any other.
        }
    }
}
