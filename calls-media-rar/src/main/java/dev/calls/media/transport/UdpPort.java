package dev.calls.media.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The engine's one UDP port. Where the platform offers SO_REUSEPORT several sockets are bound to it: the
 * kernel spreads remote addresses over them, each gets its own receive loop, and sends are spread too,
 * because the JDK holds a lock on a channel for the duration of each {@code send}.
 */
public final class UdpPort implements AutoCloseable {

    private final List<ChannelSender> senders;
    private final int localPort;
    private final TrafficCounters traffic = new TrafficCounters();

    private UdpPort(List<DatagramChannel> channels, int localPort) {
        this.localPort = localPort;
        List<ChannelSender> perChannel = new ArrayList<>(channels.size());
        for (DatagramChannel channel : channels) {
            perChannel.add(new ChannelSender(channel, BatchSend.best(channel), traffic));
        }
        this.senders = List.copyOf(perChannel);
    }

    /**
     * Binds {@code socketCount} sockets (1 when SO_REUSEPORT is unavailable) to the address and port.
     * Port 0 picks a free port for the first socket and binds the rest to the same one.
     */
    public static UdpPort bind(InetSocketAddress address, int socketCount, int bufferBytes) throws IOException {
        List<DatagramChannel> bound = new ArrayList<>();
        try {
            InetSocketAddress target = address;
            for (int i = 0; i < socketCount; i++) {
                DatagramChannel channel = DatagramChannel.open();
                bound.add(channel);
                boolean reusePort = channel.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT);
                if (reusePort) {
                    channel.setOption(StandardSocketOptions.SO_REUSEPORT, true);
                }
                channel.setOption(StandardSocketOptions.SO_RCVBUF, bufferBytes);
                channel.setOption(StandardSocketOptions.SO_SNDBUF, bufferBytes);
                channel.bind(target);
                target = new InetSocketAddress(address.getAddress(),
                        ((InetSocketAddress) channel.getLocalAddress()).getPort());
                if (!reusePort) {
                    break;
                }
            }
            return new UdpPort(List.copyOf(bound), target.getPort());
        } catch (IOException | RuntimeException e) {
            for (DatagramChannel channel : bound) {
                channel.close();
            }
            throw e;
        }
    }

    public int localPort() {
        return localPort;
    }

    public int socketCount() {
        return senders.size();
    }

    /** The receive buffer the kernel actually granted, which may be less than requested (net.core.rmem_max). */
    public int grantedReceiveBufferBytes() throws IOException {
        return senders.get(0).channel().getOption(StandardSocketOptions.SO_RCVBUF);
    }

    /** The send buffer the kernel actually granted, which may be less than requested (net.core.wmem_max). */
    public int grantedSendBufferBytes() throws IOException {
        return senders.get(0).channel().getOption(StandardSocketOptions.SO_SNDBUF);
    }

    /** What went through every socket of this port. */
    public TrafficCounters traffic() {
        return traffic;
    }

    /**
     * One receive loop per socket, to be run on long-lived threads; each ends when the port closes.
     * Each loop gets its own handler, made for the sender of its socket, so a handler may keep
     * per-thread state.
     */
    public List<ReceiveLoop> receiveLoops(Function<PacketSender, DatagramHandler> handlers, int maxDatagramBytes) {
        List<ReceiveLoop> loops = new ArrayList<>(senders.size());
        for (ChannelSender sender : senders) {
            loops.add(new ReceiveLoop(sender, handlers.apply(sender), maxDatagramBytes, traffic));
        }
        return loops;
    }

    /**
     * A sender on one of the port's sockets, chosen by {@code index} modulo their number: threads that send
     * a lot take different indices so that they do not wait on one socket's lock.
     */
    public PacketSender sender(int index) {
        return senders.get(Math.floorMod(index, senders.size()));
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (ChannelSender sender : senders) {
            try {
                sender.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
