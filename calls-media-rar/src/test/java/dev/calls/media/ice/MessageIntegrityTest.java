package dev.calls.media.ice;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MessageIntegrityTest {
    private final MessageIntegrity integrity = MessageIntegrity.shortTerm(Rfc5769.PASSWORD);

    @Test
    void verifiesTheRfc5769Samples() throws StunParseException {
        // The request's FINGERPRINT follows MESSAGE-INTEGRITY: passing shows the §14.5 length adjustment.
        assertTrue(integrity.verify(parse(Rfc5769.REQUEST)));
        assertTrue(integrity.verify(parse(Rfc5769.IPV4_RESPONSE)));
        assertTrue(integrity.verify(parse(Rfc5769.IPV6_RESPONSE)));
    }

    @Test
    void rejectsTheWrongPassword() throws StunParseException {
        assertFalse(MessageIntegrity.shortTerm("VOkJxbRl1RmTxUk/WvJxBT").verify(parse(Rfc5769.REQUEST)));
    }

    @Test
    void rejectsAnyChangeToTheCoveredBytes() throws StunParseException {
        for (int i = 0; i < 100; i++) {
            if (i == 2 || i == 3 || i >= 76 && i < 80) {
                continue; // the length field is replaced, the MESSAGE-INTEGRITY header is not covered
            }
            byte[] changed = Rfc5769.REQUEST.clone();
            changed[i] ^= 0x01;
            StunMessage message = new StunMessage();
            try {
                message.wrap(changed, 0, changed.length);
            } catch (StunParseException e) {
                continue; // the change broke the framing instead
            }
            assertFalse(integrity.verify(message), "byte " + i);
        }
    }

    @Test
    void paddingBytesAreCoveredEvenThoughTheyAreIgnored() throws StunParseException {
        byte[] changed = Rfc5769.REQUEST.clone();
        changed[75] = 0; // last padding byte of USERNAME
        assertFalse(integrity.verify(parse(changed)));
    }

    @Test
    void aMessageWithoutIntegrityDoesNotVerify() throws StunParseException {
        byte[] headerOnly = java.util.Arrays.copyOf(Rfc5769.REQUEST, 20);
        headerOnly[3] = 0;
        assertFalse(integrity.verify(parse(headerOnly)));
    }

    private static StunMessage parse(byte[] bytes) throws StunParseException {
        return new StunMessage().wrap(bytes, 0, bytes.length);
    }
}
