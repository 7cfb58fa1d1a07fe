package dev.calls.media.transport;

import java.net.InetSocketAddress;

/**
 * Receives each datagram of the media port on a receive thread. The buffer belongs to the receive loop
 * and is reused for the next datagram as soon as this returns: whoever needs the bytes later copies them.
 */
public interface DatagramHandler {

    void onDatagram(byte[] buf, int off, int len, InetSocketAddress from, PacketSender replyVia);
}
