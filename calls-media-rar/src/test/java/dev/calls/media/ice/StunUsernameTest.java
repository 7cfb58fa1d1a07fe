package dev.calls.media.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StunUsernameTest {

    @Test
    void findsTheLocalUfragOfTheRfc5769Request() {
        // The sample's USERNAME is "evtj:h6vY": the receiver's ufrag is "evtj".
        long range = StunUsername.localUfragRange(Rfc5769.REQUEST, 0, Rfc5769.REQUEST.length);
        assertEquals(64, StunUsername.offsetOf(range));
        assertEquals(4, StunUsername.lengthOf(range));
        assertEquals("evtj", StunUsername.localUfrag(Rfc5769.REQUEST, 0, Rfc5769.REQUEST.length));
    }

    @Test
    void worksAtAnOffset() {
        byte[] buf = new byte[Rfc5769.REQUEST.length + 3];
        System.arraycopy(Rfc5769.REQUEST, 0, buf, 3, Rfc5769.REQUEST.length);
        assertEquals("evtj", StunUsername.localUfrag(buf, 3, Rfc5769.REQUEST.length));
    }

    @Test
    void findsNothingWithoutAUsableUsername() {
        assertNull(ufragOf(BindingRequests.check("nocolon", "password").build()));
        assertNull(ufragOf(BindingRequests.check(":remote", "password").build()));
        assertNull(ufragOf(BindingRequests.check("a:b", "password").withoutUsername().build()));
        assertNull(ufragOf(Rfc5769.IPV4_RESPONSE));
        assertNull(ufragOf(BindingRequests.check("a:b", "password")
                .ofType(StunMessageType.BINDING_INDICATION).build()));
        assertEquals("a", ufragOf(BindingRequests.check("a:", "password").build()));
    }

    @Test
    void ignoresAUsernameAfterMessageIntegrity() {
        byte[] buf = new byte[128];
        StunMessageWriter writer = new StunMessageWriter().start(buf, 0, StunMessageType.BINDING_REQUEST,
                Rfc5769.TRANSACTION_ID, 0);
        new MessageIntegrity(new byte[] {7}).append(writer);
        writer.addBytes(StunAttributeType.USERNAME, new byte[] {'x', ':', 'y'}, 0, 3);
        assertNull(StunUsername.localUfrag(buf, 0, writer.length()));
    }

    @Test
    void garbageAndTruncationsFindNothing() {
        for (int length = 0; length < 72; length++) {
            assertEquals(-1, StunUsername.localUfragRange(Arrays.copyOf(Rfc5769.REQUEST, length), 0, length));
        }
        byte[] overrun = Rfc5769.REQUEST.clone();
        overrun[63] = 0x7f;
        assertNull(ufragOf(overrun));
    }

    private static String ufragOf(byte[] datagram) {
        return StunUsername.localUfrag(datagram, 0, datagram.length);
    }
}
