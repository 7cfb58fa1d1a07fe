package dev.calls.media.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StunMessageTypeTest {

    @Test
    void bindingTypesHaveTheirRfcValues() {
        // RFC 8489 §5 and §18.2: 0x0001 request, 0x0011 indication, 0x0101 success, 0x0111 error.
        assertEquals(0x0001, StunMessageType.BINDING_REQUEST);
        assertEquals(0x0011, StunMessageType.BINDING_INDICATION);
        assertEquals(0x0101, StunMessageType.BINDING_SUCCESS_RESPONSE);
        assertEquals(0x0111, StunMessageType.BINDING_ERROR_RESPONSE);
    }

    @Test
    void methodAndClassRoundTripForEveryValue() {
        for (int method = 0; method < 0x1000; method++) {
            for (int messageClass = 0; messageClass < 4; messageClass++) {
                int type = StunMessageType.of(method, messageClass);
                assertEquals(method, StunMessageType.method(type));
                assertEquals(messageClass, StunMessageType.messageClass(type));
                assertEquals(0, type & ~0x3FFF);
            }
        }
    }

    @Test
    void allocateErrorResponseSplitsMethodBits() {
        // Method bits straddle the class bits (RFC 8489 §5): Allocate (0x003) error response is 0x0113.
        assertEquals(0x0113, StunMessageType.of(0x003, StunMessageType.CLASS_ERROR_RESPONSE));
        assertEquals(0x3EEF, StunMessageType.of(0xFFF, StunMessageType.CLASS_REQUEST));
    }
}
