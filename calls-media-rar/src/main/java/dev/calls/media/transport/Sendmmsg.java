package dev.calls.media.transport;

import java.nio.channels.DatagramChannel;

/**
 * Sends a batch with {@code sendmmsg(2)} through {@link NativeUdp}: one system call for up to 64 datagrams
 * instead of one {@code sendto(2)} each. Bound to one channel, whose address family it reads once.
 *
 * <p>The native call uses the socket's descriptor number, which outlives nothing: only a {@link ChannelSender}
 * that guards it against {@code close} may call {@link #send}.
 */
final class Sendmmsg implements BatchSend {

    private final DatagramChannel channel;
    private final boolean ipv6Socket;

    /** @throws IllegalStateException when the native side cannot read the channel's socket */
    Sendmmsg(DatagramChannel channel) {
        this.channel = channel;
        int family = NativeUdp.socketFamily(channel);
        if (family != 4 && family != 6) {
            throw new IllegalStateException("sendmmsg: cannot read the socket's address family (errno " + -family + ")");
        }
        ipv6Socket = family == 6;
    }

    @Override
    public void send(DatagramBatch batch) {
        NativeUdp.sendmmsg(channel, ipv6Socket, batch.slab, batch.offsets, batch.lengths, batch.addresses,
                batch.ports, batch.scopes, batch.count(), batch.results);
    }
}
