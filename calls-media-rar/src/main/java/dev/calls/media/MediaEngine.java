package dev.calls.media;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import org.jboss.logging.Logger;

import dev.calls.media.api.EngineStatus;
import dev.calls.media.transport.DatagramHandler;
import dev.calls.media.transport.ReceiveLoop;
import dev.calls.media.transport.UdpPort;
import dev.calls.media.transport.UdpSender;

/**
 * The SFU media engine: owns the UDP port and everything that flows through it. Container-free: the
 * resource adapter creates it, runs its receive loops on container threads and closes it on stop.
 */
public final class MediaEngine implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MediaEngine.class);

    private final MediaEngineConfig config;
    private final UdpPort port;
    private final String advertisedAddress;
    private final LongAdder unknownSourceDrops = new LongAdder();
    private volatile boolean running;

    private MediaEngine(MediaEngineConfig config, UdpPort port, String advertisedAddress) {
        this.config = config;
        this.port = port;
        this.advertisedAddress = advertisedAddress;
    }

    /** Binds the port; the caller then runs every loop of {@link #receiveLoops()} on a thread of its own. */
    public static MediaEngine start(MediaEngineConfig config) throws IOException {
        InetSocketAddress bind = new InetSocketAddress(config.bindAddress(), config.udpPort());
        UdpPort port = UdpPort.bind(bind, Math.max(1, config.udpSocketCount()), MediaEngineConfig.SOCKET_BUFFER_BYTES);
        String advertised = AdvertisedAddress.choose(config.iceHostOverride(), config.bindAddress());
        MediaEngine engine = new MediaEngine(config, port, advertised);
        engine.running = true;
        LOG.infof("media engine listening on UDP %s:%d with %d socket(s), advertising %s (kernel receive buffer %d bytes)",
                config.bindAddress(), port.localPort(), port.socketCount(), advertised, port.grantedReceiveBufferBytes());
        return engine;
    }

    public List<ReceiveLoop> receiveLoops() {
        return port.receiveLoops(this::onDatagram, MediaEngineConfig.MAX_DATAGRAM_BYTES);
    }

    private void onDatagram(byte[] buf, int off, int len, InetSocketAddress from, UdpSender replyVia) {
        // No session exists yet for any address: datagrams from unknown sources create no state.
        unknownSourceDrops.increment();
    }

    public EngineStatus status() {
        return new EngineStatus(running, port.localPort(), advertisedAddress, 0);
    }

    public MediaEngineConfig config() {
        return config;
    }

    public long unknownSourceDrops() {
        return unknownSourceDrops.sum();
    }

    @Override
    public void close() {
        running = false;
        try {
            port.close();
        } catch (IOException e) {
            LOG.warnf("closing the media port failed: %s", e.getMessage());
        }
        LOG.infof("media engine stopped, UDP port %d released", port.localPort());
    }
}
