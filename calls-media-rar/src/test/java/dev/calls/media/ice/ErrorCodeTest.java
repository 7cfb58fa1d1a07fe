package dev.calls.media.ice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ErrorCodeTest {

    @Test
    void encodesClassAndNumberThenTheReason() {
        byte[] buf = new byte[64];
        StunMessageWriter writer = new StunMessageWriter().start(buf, 0, StunMessageType.BINDING_ERROR_RESPONSE,
                Rfc5769.TRANSACTION_ID, 0);
        ErrorCode.append(writer, ErrorCode.ROLE_CONFLICT);
        // RFC 8489 §14.8: 0x0009, length 4 + "Role Conflict" (13), class 4, number 87, padding to 20.
        assertArrayEquals(Rfc5769.hex("00 09 00 11 00 00 04 57 52 6f 6c 65 20 43 6f 6e 66 6c 69 63 74 00 00 00"),
                Arrays.copyOfRange(buf, 20, writer.length()));
    }

    @Test
    void readsEveryCodeItWrites() throws StunParseException {
        for (int code : new int[] {400, 401, 420, 487}) {
            byte[] buf = new byte[64];
            StunMessageWriter writer = new StunMessageWriter().start(buf, 0,
                    StunMessageType.BINDING_ERROR_RESPONSE, Rfc5769.TRANSACTION_ID, 0);
            ErrorCode.append(writer, code);
            StunMessage message = new StunMessage().wrap(buf, 0, writer.length());
            assertEquals(code, ErrorCode.code(message, message.firstAttribute()));
        }
    }

    @Test
    void rejectsOutOfRangeAndShortValues() throws StunParseException {
        byte[] outOfRange = Rfc5769.hex("01 11 00 08 21 12 a4 42 b7 e7 a7 01 bc 34 d6 86 fa 87 df ae"
                + "00 09 00 04 00 00 07 00");
        StunMessage message = new StunMessage().wrap(outOfRange, 0, outOfRange.length);
        assertThrows(StunParseException.class, () -> ErrorCode.code(message, message.firstAttribute()));
        byte[] tooShort = Rfc5769.hex("01 11 00 08 21 12 a4 42 b7 e7 a7 01 bc 34 d6 86 fa 87 df ae"
                + "00 09 00 02 00 00 00 00");
        StunMessage shortMessage = new StunMessage().wrap(tooShort, 0, tooShort.length);
        assertThrows(StunParseException.class, () -> ErrorCode.code(shortMessage, shortMessage.firstAttribute()));
        assertThrows(IllegalArgumentException.class, () -> ErrorCode.append(new StunMessageWriter()
                .start(new byte[64], 0, 0x0111, Rfc5769.TRANSACTION_ID, 0), 500));
    }
}
