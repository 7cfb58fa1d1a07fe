package dev.calls.media.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StunHeaderTest {

    @Test
    void rfcSamplesAreStun() {
        assertTrue(StunHeader.isStun(Rfc5769.REQUEST, 0, Rfc5769.REQUEST.length));
        assertTrue(StunHeader.isStun(Rfc5769.IPV4_RESPONSE, 0, Rfc5769.IPV4_RESPONSE.length));
        assertEquals(StunMessageType.BINDING_REQUEST, StunHeader.messageType(Rfc5769.REQUEST, 0));
        assertEquals(0x58, StunHeader.messageLength(Rfc5769.REQUEST, 0));
    }

    @Test
    void findsStunAtAnOffset() {
        byte[] buf = new byte[Rfc5769.REQUEST.length + 7];
        System.arraycopy(Rfc5769.REQUEST, 0, buf, 7, Rfc5769.REQUEST.length);
        assertTrue(StunHeader.isStun(buf, 7, Rfc5769.REQUEST.length));
        assertFalse(StunHeader.isStun(buf, 0, Rfc5769.REQUEST.length));
    }

    @Test
    void otherProtocolsOfRfc7983AreNotStun() {
        byte[] rtp = Rfc5769.REQUEST.clone();
        rtp[0] = (byte) 0x80; // RTP/RTCP: 128..191
        assertFalse(StunHeader.isStun(rtp, 0, rtp.length));
        byte[] dtls = Rfc5769.REQUEST.clone();
        dtls[0] = 22; // DTLS handshake: 20..63
        assertFalse(StunHeader.isStun(dtls, 0, dtls.length));
    }

    @Test
    void rejectsWrongCookieLengthAndShortDatagrams() {
        byte[] noCookie = Rfc5769.REQUEST.clone();
        noCookie[4] = 0;
        assertFalse(StunHeader.isStun(noCookie, 0, noCookie.length));
        assertFalse(StunHeader.isStun(Rfc5769.REQUEST, 0, Rfc5769.REQUEST.length - 4));
        byte[] unaligned = Rfc5769.REQUEST.clone();
        unaligned[3] = 0x57;
        assertFalse(StunHeader.isStun(unaligned, 0, unaligned.length));
        assertFalse(StunHeader.isStun(Rfc5769.REQUEST, 0, 19));
    }

    @Test
    void neverThrowsForRangesOutsideTheArray() {
        byte[] buf = Arrays.copyOf(Rfc5769.REQUEST, 30);
        assertFalse(StunHeader.isStun(buf, 20, 20));
        assertFalse(StunHeader.isStun(buf, -1, 20));
        assertFalse(StunHeader.isStun(buf, 0, 31));
    }
}
