package dev.calls.media.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class XorMappedAddressTest {

    @Test
    void decodesTheRfc5769Ipv4Sample() throws Exception {
        StunMessage message = parse(Rfc5769.IPV4_RESPONSE);
        assertEquals(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853),
                XorMappedAddress.decode(message, message.findAttribute(StunAttributeType.XOR_MAPPED_ADDRESS)));
    }

    @Test
    void decodesTheRfc5769Ipv6Sample() throws Exception {
        StunMessage message = parse(Rfc5769.IPV6_RESPONSE);
        assertEquals(new InetSocketAddress(InetAddress.getByName("2001:db8:1234:5678:11:2233:4455:6677"), 32853),
                XorMappedAddress.decode(message, message.findAttribute(StunAttributeType.XOR_MAPPED_ADDRESS)));
    }

    @Test
    void encodesWhatItDecodes() throws Exception {
        for (String host : new String[] {"203.0.113.77", "fe80::1", "::ffff:1.2.3.4", "0.0.0.0"}) {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(host), 65535);
            byte[] buf = new byte[60];
            StunMessageWriter writer = new StunMessageWriter().start(buf, 0,
                    StunMessageType.BINDING_SUCCESS_RESPONSE, Rfc5769.TRANSACTION_ID, 0);
            XorMappedAddress.append(writer, address.getAddress().getAddress(), address.getPort());
            StunMessage message = new StunMessage().wrap(buf, 0, writer.length());
            assertEquals(address, XorMappedAddress.decode(message, message.firstAttribute()), host);
        }
    }

    @Test
    void rejectsBadFamilyAndLength() throws StunParseException {
        byte[] badFamily = Rfc5769.IPV4_RESPONSE.clone();
        badFamily[41] = 0x02; // says IPv6 with 4 address bytes
        StunMessage message = parse(badFamily);
        assertThrows(StunParseException.class, () -> XorMappedAddress.decode(message,
                message.findAttribute(StunAttributeType.XOR_MAPPED_ADDRESS)));
        StunMessage rfc = parse(Rfc5769.REQUEST);
        assertThrows(StunParseException.class, () -> XorMappedAddress.decode(rfc, rfc.firstAttribute()));
        assertThrows(IllegalArgumentException.class, () -> XorMappedAddress.append(new StunMessageWriter()
                .start(new byte[60], 0, 0x0101, Rfc5769.TRANSACTION_ID, 0), new byte[5], 1));
    }

    private static StunMessage parse(byte[] bytes) throws StunParseException {
        return new StunMessage().wrap(bytes, 0, bytes.length);
    }
}
