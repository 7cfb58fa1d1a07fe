package dev.calls.media.transport;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * A remote address in the two forms the port's send paths take: the JDK's {@link InetSocketAddress} for
 * {@code DatagramChannel.send}, and the raw bytes a batch hands to {@code sendmmsg(2)}. Made once when a
 * session's address is set, so that queuing a datagram for it allocates nothing
 * ({@link InetAddress#getAddress()} returns a new array on every call). A peer reached over ICE-TCP has
 * its connection here too: what is sent to it goes through that connection, not the port's sockets.
 */
public final class Destination {

    private final InetSocketAddress address;
    /** The IPv6 address, or the IPv4-mapped form ::ffff:a.b.c.d of an IPv4 one (RFC 4291 §2.5.5.2). */
    private final byte[] ipv6 = new byte[DatagramBatch.ADDRESS_BYTES];
    private final int scopeId;
    private final PacketSender connection;

    /** A UDP peer, reached through the media port's sockets. */
    public Destination(InetSocketAddress address) {
        this(address, null);
    }

    /** A peer reached only through {@code connection} (ICE-TCP); null for a UDP peer. */
    Destination(InetSocketAddress address, PacketSender connection) {
        this.address = address;
        this.connection = connection;
        InetAddress ip = address.getAddress();
        if (ip instanceof Inet4Address) {
            ipv6[10] = (byte) 0xff;
            ipv6[11] = (byte) 0xff;
            System.arraycopy(ip.getAddress(), 0, ipv6, 12, 4);
            scopeId = 0;
        } else if (ip instanceof Inet6Address v6) {
            System.arraycopy(ip.getAddress(), 0, ipv6, 0, DatagramBatch.ADDRESS_BYTES);
            scopeId = v6.getScopeId();
        } else {
            throw new IllegalArgumentException("not a resolved IP address: " + address);
        }
    }

    public InetSocketAddress address() {
        return address;
    }

    /** The connection this peer is reached through, or null when it is reached over UDP. */
    public PacketSender connection() {
        return connection;
    }

    int port() {
        return address.getPort();
    }

    int scopeId() {
        return scopeId;
    }

    void copyIpv6(byte[] to, int offset) {
        System.arraycopy(ipv6, 0, to, offset, ipv6.length);
    }

    @Override
    public String toString() {
        return address.toString();
    }
}
