package dev.calls.media.transport;

import java.net.InetSocketAddress;

/** Sends one datagram from the media port; never blocks the caller for long and never throws on the packet path. */
public interface UdpSender {

    /** Returns false when the datagram could not be sent (socket closed, kernel buffer full); the caller counts it. */
    boolean send(byte[] buf, int off, int len, InetSocketAddress to);
}
