package dev.calls.media.ice;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FingerprintTest {
    private final Fingerprint fingerprint = new Fingerprint();

    @Test
    void verifiesTheRfc5769Samples() throws StunParseException {
        assertTrue(fingerprint.verify(parse(Rfc5769.REQUEST)));
        assertTrue(fingerprint.verify(parse(Rfc5769.IPV4_RESPONSE)));
        assertTrue(fingerprint.verify(parse(Rfc5769.IPV6_RESPONSE)));
    }

    @Test
    void rejectsAChangedMessageOrValue() throws StunParseException {
        byte[] changedBody = Rfc5769.REQUEST.clone();
        changedBody[30] ^= 0x20;
        assertFalse(fingerprint.verify(parse(changedBody)));
        byte[] changedValue = Rfc5769.REQUEST.clone();
        changedValue[107] ^= 0x01;
        assertFalse(fingerprint.verify(parse(changedValue)));
    }

    @Test
    void aMessageWithoutFingerprintDoesNotVerify() throws StunParseException {
        byte[] withoutFingerprint = Arrays.copyOf(Rfc5769.REQUEST, 100);
        withoutFingerprint[3] = 0x50;
        assertFalse(fingerprint.verify(parse(withoutFingerprint)));
    }

    @Test
    void writtenFingerprintVerifies() throws StunParseException {
        byte[] buf = new byte[64];
        StunMessageWriter writer = new StunMessageWriter().start(buf, 3, StunMessageType.BINDING_INDICATION,
                Rfc5769.TRANSACTION_ID, 0);
        fingerprint.append(writer);
        assertTrue(fingerprint.verify(new StunMessage().wrap(buf, 3, writer.length())));
    }

    private static StunMessage parse(byte[] bytes) throws StunParseException {
        return new StunMessage().wrap(bytes, 0, bytes.length);
    }
}
