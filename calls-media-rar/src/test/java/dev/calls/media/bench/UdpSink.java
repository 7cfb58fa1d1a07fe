package dev.calls.media.bench;

import dev.calls.media.rtp.RtcpMux;
import dev.calls.media.transport.PacketKind;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A UDP socket on 127.0.0.1 that a benchmark sends to, drained by a thread of its own so that the kernel's
 * receive buffer does not fill. Loopback UDP does not fail a send when the receiver's buffer is full: the
 * datagram is dropped silently after the send returns, so a benchmark compares {@link #received()} with what
 * it sent to see drops.
 */
public final class UdpSink implements AutoCloseable {

    private final DatagramChannel channel;
    private final Thread drain;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong receivedRtp = new AtomicLong();

    public UdpSink() throws IOException {
        channel = DatagramChannel.open();
        channel.setOption(StandardSocketOptions.SO_RCVBUF, 8 << 20);
        channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        drain = new Thread(this::drain, "udp-sink");
        drain.setDaemon(true);
        drain.start();
    }

    public InetSocketAddress address() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    public long received() {
        return received.get();
    }

    /** Datagrams that were SRTP (not STUN, DTLS or SRTCP): what the SFU forwarded. */
    public long receivedRtp() {
        return receivedRtp.get();
    }

    /** The receive buffer the kernel granted (net.core.rmem_max caps what was asked for). */
    public int receiveBufferBytes() throws IOException {
        return channel.getOption(StandardSocketOptions.SO_RCVBUF);
    }

    private void drain() {
        ByteBuffer buffer = ByteBuffer.allocate(65536);
        while (channel.isOpen()) {
            try {
                buffer.clear();
                if (channel.receive(buffer) != null) {
                    received.incrementAndGet();
                    byte[] datagram = buffer.array();
                    if (buffer.position() > 1 && PacketKind.of(datagram[0]) == PacketKind.RTP_OR_RTCP
                            && !RtcpMux.isRtcp(datagram, 0, buffer.position())) {
                        receivedRtp.incrementAndGet();
                    }
                }
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                // An ICMP error for an earlier datagram: keep draining.
            }
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        channel.close();
        drain.join(5000);
    }
}
