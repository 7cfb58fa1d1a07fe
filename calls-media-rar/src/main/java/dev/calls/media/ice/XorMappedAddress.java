package dev.calls.media.ice;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * XOR-MAPPED-ADDRESS (RFC 8489 §14.2): a reserved byte, the family (1 = IPv4, 2 = IPv6), the port XORed
 * with the cookie's high 16 bits, and the address XORed with the magic cookie (IPv4) or with the cookie
 * followed by the transaction id (IPv6). The XOR keeps NATs that rewrite addresses in payloads away.
 */
public final class XorMappedAddress {
    public static final int FAMILY_IPV4 = 0x01;
    public static final int FAMILY_IPV6 = 0x02;

    private XorMappedAddress() {
    }

    /**
     * Appends XOR-MAPPED-ADDRESS for the raw address (4 bytes for IPv4, 16 for IPv6, as
     * {@link InetAddress#getAddress()} returns) and port. The writer's header and transaction id must be
     * written already: they are the XOR key.
     */
    public static void append(StunMessageWriter writer, byte[] address, int port) {
        int family = familyOf(address.length);
        int value = writer.reserveAttribute(StunAttributeType.XOR_MAPPED_ADDRESS, 4 + address.length);
        byte[] buf = writer.buffer();
        buf[value + 1] = (byte) family;
        NetworkBytes.writeShort(buf, value + 2, port ^ (StunHeader.MAGIC_COOKIE >>> 16));
        int key = writer.messageOffset() + StunHeader.COOKIE_OFFSET;
        for (int i = 0; i < address.length; i++) {
            buf[value + 4 + i] = (byte) (address[i] ^ buf[key + i]);
        }
    }

    /**
     * Decodes the XOR-MAPPED-ADDRESS attribute at {@code at} of the message. Allocates the result: meant for
     * tests and clients, not for the server's packet path.
     */
    public static InetSocketAddress decode(StunMessage message, int at) throws StunParseException {
        byte[] buf = message.buffer();
        int length = message.attributeLength(at);
        int value = StunMessage.valueOffset(at);
        if (length < 4) {
            throw new StunParseException("XOR-MAPPED-ADDRESS too short");
        }
        int family = buf[value + 1] & 0xFF;
        int addressLength = family == FAMILY_IPV4 ? 4 : family == FAMILY_IPV6 ? 16 : -1;
        if (addressLength < 0 || length != 4 + addressLength) {
            throw new StunParseException("XOR-MAPPED-ADDRESS has a bad family or length");
        }
        int port = NetworkBytes.readUnsignedShort(buf, value + 2) ^ (StunHeader.MAGIC_COOKIE >>> 16);
        byte[] address = new byte[addressLength];
        int key = message.offset() + StunHeader.COOKIE_OFFSET;
        for (int i = 0; i < addressLength; i++) {
            address[i] = (byte) (buf[value + 4 + i] ^ buf[key + i]);
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(address), port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a 4- or 16-byte address is always valid", e);
        }
    }

    private static int familyOf(int addressLength) {
        if (addressLength == 4) {
            return FAMILY_IPV4;
        }
        if (addressLength == 16) {
            return FAMILY_IPV6;
        }
        throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + addressLength);
    }
}
