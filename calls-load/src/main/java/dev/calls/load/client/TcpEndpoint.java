package dev.calls.load.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

import dev.calls.media.transport.FrameReader;

/**
 * A simulated participant's ICE-TCP connection (RFC 6544) to the server's passive candidate, as a browser
 * whose UDP is blocked makes: every packet framed with its 16-bit length (RFC 4571), read back by a thread of
 * its own with the engine's own deframer. Sends may come from any thread; they are written whole, in order.
 */
final class TcpEndpoint extends OwnChannelEndpoint {

    private final SocketChannel channel;
    private final Thread reader;
    private final ByteBuffer frame = ByteBuffer.allocateDirect(2 + MAX_PACKET);

    /** Larger than any packet the engine sends or takes. */
    private static final int MAX_PACKET = 2048;

    private TcpEndpoint(SocketChannel channel, DatagramReceiver receiver) {
        super(channel);
        this.channel = channel;
        this.reader = new Thread(() -> read(receiver), "load-tcp-" + channel.socket().getLocalPort());
        reader.setDaemon(true);
    }

    /** Connects to {@code server} and starts reading what it sends, for {@code receiver}. */
    static TcpEndpoint connect(InetSocketAddress server, DatagramReceiver receiver) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.connect(server);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        TcpEndpoint endpoint = new TcpEndpoint(channel, receiver);
        endpoint.reader.start();
        return endpoint;
    }

    private void read(DatagramReceiver receiver) {
        FrameReader frames = new FrameReader(MAX_PACKET);
        FrameReader.FrameHandler deliver = (buf, off, len) -> {
            receiver.onDatagram(buf, off, len, System.nanoTime());
            return true;
        };
        try {
            while (channel.read(frames.buffer()) >= 0) {
                if (frames.drain(deliver) == FrameReader.Result.OVERSIZED) {
                    return;
                }
            }
        } catch (IOException e) {
            // Closed: by us at the end of the run, or by the server.
        }
    }

    @Override
    public synchronized void send(byte[] buf, int off, int len) {
        frame.clear();
        frame.putShort((short) len).put(buf, off, len).flip();
        try {
            while (frame.hasRemaining()) {
                channel.write(frame);
            }
        } catch (IOException e) {
            sendFailed();
        }
    }
}
