package dev.calls.media.transport;

import java.nio.channels.DatagramChannel;

import org.jboss.logging.Logger;

/**
 * How a {@link ChannelSender} sends a whole {@link DatagramBatch} on its socket: one {@code sendmmsg(2)} for
 * many datagrams where the native library is loaded, else one {@code DatagramChannel.send} each.
 */
public interface BatchSend {

    /** Sends the batch's datagrams and records in it which went; never throws, never blocks for long. */
    void send(DatagramBatch batch);

    /** One {@code DatagramChannel.send} (one sendto(2)) per datagram: what the JDK alone can do. */
    static BatchSend perDatagram(DatagramChannel channel) {
        return batch -> batch.sendEach(channel);
    }

    /** {@code sendmmsg(2)} when {@link NativeUdp} is available and works on this channel, else {@link #perDatagram}. */
    static BatchSend best(DatagramChannel channel) {
        if (NativeUdp.available()) {
            try {
                return new Sendmmsg(channel);
            } catch (RuntimeException | LinkageError e) {
                Logger.getLogger(BatchSend.class).infof("sending one datagram per system call: %s", e.toString());
            }
        }
        return perDatagram(channel);
    }
}
