package dev.calls.media;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.jboss.logging.Logger;

import dev.calls.limits.Limit;
import dev.calls.media.api.EngineStats;
import dev.calls.media.api.EngineStatus;
import dev.calls.media.api.MediaException;
import dev.calls.media.dtls.DtlsCertificate;
import dev.calls.media.ice.UnknownCheckReplies;
import dev.calls.media.sfu.Call;
import dev.calls.media.sfu.CloseReason;
import dev.calls.media.sfu.ForwardBuffers;
import dev.calls.media.sfu.ForwardWorker;
import dev.calls.media.sfu.Forwarding;
import dev.calls.media.sfu.Participant;
import dev.calls.media.sfu.SessionHost;
import dev.calls.media.transport.ReceiveLoop;
import dev.calls.media.transport.TcpMediaPort;
import dev.calls.media.transport.TcpRefusal;
import dev.calls.media.transport.TcpRefusals;
import dev.calls.media.transport.ThreadNice;
import dev.calls.media.transport.ThreadRealtime;
import dev.calls.media.transport.TrafficCounters;
import dev.calls.media.transport.UdpPort;

/**
 * The SFU media engine: owns the UDP port, the ICE-TCP port, every media session and every call. Container-free: the
 * resource adapter (or a test) starts it, runs its receive loops, its forwarding workers and its timer on
 * threads of its own, and closes it on stop.
 *
 * <p>Threads: a receive loop per socket demultiplexes, answers ICE checks, hands DTLS records to the
 * handshake, decrypts media once and queues it for the forwarding workers, which encrypt and send it to
 * each subscriber. The fan-out of a large call thus never holds up a receive thread, and the checks and
 * handshakes of joining sessions are not queued behind it.
 *
 * <p>Demultiplexing (RFC 7983 §7 by first byte): a datagram from a known remote address goes to its
 * session; from an unknown address only a STUN binding request is looked at, and only its USERNAME is
 * used to find the session, whose responder then authenticates it. Nothing else from an unknown address
 * creates state or gets an answer beyond a STUN error. ICE-TCP connections (RFC 6544) are demultiplexed the
 * same way, by connection rather than address ({@link TcpPaths}), on the ICE-TCP port's one selector thread.
 */
public final class MediaEngine implements AutoCloseable, SessionHost {

    private static final Logger LOG = Logger.getLogger(MediaEngine.class);

    /** How often session timers (connect timeout, consent, receiver reports) are checked. */
    static final long TICK_MILLIS = 100;

    private final MediaEngineConfig config;
    private final UdpPort port;
    /** The ICE-TCP port, or null when it is off. */
    private final TcpMediaPort tcp;
    private final UdpPaths udpPaths;
    private final TcpPaths tcpPaths;
    private final List<String> advertisedAddresses;
    private final MediaEventSink events;
    private final Executor handshakes;
    private final Forwarding forwarding;
    private final DtlsCertificate certificate = DtlsCertificate.generate();
    private final Map<String, Participant> sessions = new ConcurrentHashMap<>();
    private final Map<String, Participant> byUfrag = new ConcurrentHashMap<>();
    private final Map<String, Call> calls = new ConcurrentHashMap<>();
    private final LongAdder unknownSourceDrops = new LongAdder();
    private final UnknownCheckReplies strangerReplies = new UnknownCheckReplies(Limit.STUN_REFUSALS_PER_SECOND.value(),
            Limit.STUN_REFUSAL_BURST.value(), System.nanoTime());
    private final LongAdder handshakesRefused = new LongAdder();
    private final List<ForwardBuffers> threadBuffers = new CopyOnWriteArrayList<>();
    private final LatencyHistogram rtcConnect = new LatencyHistogram();
    private final SessionTally tally = new SessionTally();
    private volatile boolean running;

    private MediaEngine(MediaEngineConfig config, UdpPort port, TcpMediaPort tcp, String advertisedAddress,
            MediaEventSink events, Executor handshakes) {
        this.config = config;
        this.port = port;
        this.tcp = tcp;
        this.advertisedAddresses = List.of(advertisedAddress);
        this.events = events;
        this.handshakes = handshakes;
        this.forwarding = new Forwarding(config.effectiveForwardingThreads(), MediaEngineConfig.FORWARD_QUEUE_SLOTS,
                port::sender);
        threadBuffers.addAll(forwarding.buffers());
        ForwardBuffers tcpBuffers = new ForwardBuffers(port.sender(0), strangerReplies);
        threadBuffers.add(tcpBuffers);
        this.udpPaths = new UdpPaths(byUfrag, unknownSourceDrops);
        this.tcpPaths = new TcpPaths(byUfrag, tcpBuffers, unknownSourceDrops);
    }

    /**
     * Binds the port; the caller then runs every loop of {@link #receiveLoops()} and every worker of
     * {@link #forwardingWorkers()}, each through {@link #atMediaPriority}, and {@link #timer()}, on a thread of
     * its own (until they run, nothing is forwarded: their queues fill and drop). Events go to {@code events};
     * DTLS handshakes run on {@code handshakes}.
     */
    public static MediaEngine start(MediaEngineConfig config, MediaEventSink events, Executor handshakes)
            throws IOException {
        AdvertisedAddress choice = AdvertisedAddress.choose(config.iceHostOverride(), config.bindAddress());
        String advertised = choice.address();
        InetAddress bindAddress = BindAddress.choose(config.bindAddress(), advertised);
        InetSocketAddress bind = new InetSocketAddress(bindAddress, config.udpPort());
        UdpPort port = UdpPort.bind(bind, Math.max(1, config.udpSocketCount()), MediaEngineConfig.SOCKET_BUFFER_BYTES);
        TcpMediaPort tcp;
        try {
            tcp = bindIceTcp(config, bindAddress);
        } catch (IOException | RuntimeException e) {
            port.close();
            throw e;
        }
        MediaEngine engine = new MediaEngine(config, port, tcp, advertised, events, handshakes);
        engine.running = true;
        LOG.infof("media engine listening on UDP %s:%d with %d socket(s) and %d forwarding thread(s), "
                + "advertising %s:%d to clients (%s)", bindAddress.getHostAddress(), port.localPort(), port.socketCount(),
                config.effectiveForwardingThreads(), advertised, port.localPort(), choice.reason());
        if (tcp != null) {
            LOG.infof("media engine listening for ICE-TCP on %s:%d, advertising %s:%d", bindAddress.getHostAddress(),
                    tcp.localPort(), advertised, tcp.localPort());
        }
        warnIfUnreachable(advertised);
        logBuffers(port);
        return engine;
    }

    /**
     * The ICE-TCP port, unless it is off: a connection may wait for its first ICE check as long as a session
     * may wait for ICE and DTLS, and buffers at most one packet meanwhile.
     */
    private static TcpMediaPort bindIceTcp(MediaEngineConfig config, InetAddress bindAddress) throws IOException {
        if (config.iceTcpPort() == MediaEngineConfig.ICE_TCP_OFF) {
            return null;
        }
        return TcpMediaPort.bind(new InetSocketAddress(bindAddress, config.iceTcpPort()),
                Limit.UNAUTHENTICATED_ICE_TCP_CONNECTIONS.value(),
                TimeUnit.SECONDS.toNanos(config.rtcConnectTimeoutSeconds()), MediaEngineConfig.MAX_DATAGRAM_BYTES,
                Limit.ICE_TCP_SEND_BUFFER_KIB.value() * 1024);
    }

    /** Loopback or a wildcard in candidates means clients on other machines cannot send media here. */
    private static void warnIfUnreachable(String advertised) {
        InetAddress address;
        try {
            address = InetAddress.getByName(advertised);
        } catch (UnknownHostException e) {
            LOG.warnf("the advertised media address %s does not resolve; clients cannot reach it", advertised);
            return;
        }
        if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
            LOG.warnf("the advertised media address %s is %s: only clients on this machine can send media; "
                    + "set bindAddress or iceHostOverride to an address clients reach",
                    advertised, address.isLoopbackAddress() ? "loopback" : "a wildcard");
        }
    }

    /** Small kernel buffers drop media in bursts; the admin guide says how to raise the limits. */
    private static void logBuffers(UdpPort port) throws IOException {
        int receive = port.grantedReceiveBufferBytes();
        int send = port.grantedSendBufferBytes();
        // Linux may report up to twice what it granted (it counts its bookkeeping): only less than half is short.
        if (Math.min(receive, send) < MediaEngineConfig.SOCKET_BUFFER_BYTES / 2) {
            LOG.warnf("the kernel granted UDP buffers of %d bytes (receive) and %d bytes (send), less than the %d "
                    + "requested; raise net.core.rmem_max and net.core.wmem_max", receive, send,
                    MediaEngineConfig.SOCKET_BUFFER_BYTES);
        } else {
            LOG.infof("the kernel granted UDP buffers of %d bytes (receive) and %d bytes (send)", receive, send);
        }
    }

    /** One loop per socket of the port, each with its own working buffers. */
    public List<ReceiveLoop> receiveLoops() {
        return port.receiveLoops(sender -> {
            ForwardBuffers buffers = new ForwardBuffers(sender, strangerReplies);
            threadBuffers.add(buffers);
            return (buf, off, len, from, replyVia) -> udpPaths.onDatagram(buffers, buf, off, len, from, replyVia);
        }, MediaEngineConfig.MAX_DATAGRAM_BYTES);
    }

    /**
     * A receive loop or forwarding worker as its thread should run it: under the configured real-time
     * priority, so that nothing else on the machine can starve them of the CPU, and at the configured nice
     * value, which orders them ahead of the rest of the server where the real-time priority is refused.
     */
    public Runnable atMediaPriority(Runnable mediaLoop) {
        return () -> ThreadNice.runAt(config.mediaThreadNice(),
                () -> ThreadRealtime.runAt(config.mediaThreadRealtimePriority(), mediaLoop));
    }

    /**
     * The ICE-TCP port's selector loop, to run on a thread of its own (through {@link #atMediaPriority}) until the
     * engine closes; none when the port is off.
     */
    public Optional<Runnable> iceTcpLoop() {
        return tcp == null ? Optional.empty() : Optional.of(tcp.loop(tcpPaths));
    }

    /** The forwarding workers: each encrypts and sends to its share of the subscribers. */
    public List<ForwardWorker> forwardingWorkers() {
        return forwarding.workers();
    }

    /** The session timer: checks timeouts and sends receiver reports, until the engine closes. */
    public Runnable timer() {
        return () -> {
            while (running) {
                long now = System.nanoTime();
                for (Participant participant : sessions.values()) {
                    participant.tick(now);
                }
                try {
                    Thread.sleep(TICK_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        };
    }

    // ---- Commands ----------------------------------------------------------------------------------

    public void openSession(String callId, String sessionId) throws MediaException {
        requireRunning();
        Call call = calls.computeIfAbsent(callId, Call::new);
        Participant participant = call.newParticipant(this, sessionId);
        if (sessions.putIfAbsent(sessionId, participant) != null) {
            throw new MediaException("session_exists", "a media session with this id exists already");
        }
        byUfrag.put(participant.localUfrag(), participant);
    }

    public String acceptOffer(String sessionId, String offer) throws MediaException {
        return session(sessionId).acceptOffer(offer);
    }

    public void acceptAnswer(String sessionId, String answer) throws MediaException {
        session(sessionId).acceptAnswer(answer);
    }

    public void setMuted(String sessionId, boolean muted) throws MediaException {
        session(sessionId).setMuted(muted);
    }

    public void setScreenStream(String sessionId, String streamId) throws MediaException {
        session(sessionId).setScreenStream(streamId);
    }

    public void closeSession(String sessionId, String reason) {
        Participant participant = sessions.get(sessionId);
        if (participant != null) {
            participant.closeOnRequest(reason);
        }
    }

    private Participant session(String sessionId) throws MediaException {
        requireRunning();
        Participant participant = sessions.get(sessionId);
        if (participant == null) {
            throw new MediaException("session_not_found", "no media session " + sessionId);
        }
        return participant;
    }

    private void requireRunning() throws MediaException {
        if (!running) {
            throw new MediaException("media_unavailable", "the media engine is not running");
        }
    }

    public EngineStatus status() {
        return new EngineStatus(running, port.localPort(), advertisedAddresses.get(0), sessions.size(),
                running ? "" : "the media engine is stopping");
    }

    /**
     * Per call with media sessions, the epoch millisecond its engine last heard any of them (a session's
     * opening or its last authenticated packet, to 100 ms): what the server records as the moment the call
     * was last alive. Reads one field per session, so call it every second or so, not per packet.
     */
    public Map<String, Long> lastHeard() {
        long nowNanos = System.nanoTime();
        long nowMillis = System.currentTimeMillis();
        Map<String, Long> latest = new HashMap<>();
        for (Participant participant : sessions.values()) {
            long heardMillis = nowMillis - TimeUnit.NANOSECONDS.toMillis(nowNanos - participant.lastHeardNanos());
            latest.merge(participant.callId(), heardMillis, Math::max);
        }
        return latest;
    }

    /** The counters since start; sums over threads and sessions, so call it for monitoring, not per packet. */
    public EngineStats stats() {
        SessionTally.Totals sessionTotals = tally.totals(sessions.values());
        List<LatencyHistogram> latencies = new ArrayList<>();
        for (ForwardBuffers buffers : threadBuffers) {
            latencies.add(buffers.forwardingLatency());
        }
        TrafficCounters traffic = port.traffic();
        TrafficCounters tcpTraffic = tcp == null ? new TrafficCounters() : tcp.traffic();
        return new EngineStats(calls.size(), sessions.size(), traffic.packetsIn() + tcpTraffic.packetsIn(),
                traffic.bytesIn() + tcpTraffic.bytesIn(), traffic.packetsOut() + tcpTraffic.packetsOut(),
                traffic.bytesOut() + tcpTraffic.bytesOut(),
                sessionTotals.dtlsDrops() + traffic.refusedSends() + tcpTraffic.refusedSends(), forwarding.dropped(),
                forwarding.late(), sessionTotals.srtpDrops(),
                unknownSourceDrops.sum(), sessionTotals.rateDrops(), strangerReplies.dropped(), handshakesRefused.sum(),
                events.dropped(), sessionTotals.iceFailures(), sessionTotals.dtlsFailures(), iceTcpRefused(),
                LatencyHistogram.merge(List.of(rtcConnect)), LatencyHistogram.merge(latencies));
    }

    private EngineStats.IceTcpRefused iceTcpRefused() {
        if (tcp == null) {
            return EngineStats.IceTcpRefused.NONE;
        }
        TcpRefusals refused = tcp.refusals();
        return new EngineStats.IceTcpRefused(refused.get(TcpRefusal.OVER_LIMIT), refused.get(TcpRefusal.BAD_FIRST_PACKET),
                refused.get(TcpRefusal.OVERSIZED_FRAME), refused.get(TcpRefusal.AUTH_TIMEOUT),
                refused.get(TcpRefusal.SLOW_READER));
    }

    // ---- SessionHost -------------------------------------------------------------------------------

    @Override
    public MediaEventSink events() {
        return events;
    }

    @Override
    public DtlsCertificate certificate() {
        return certificate;
    }

    @Override
    public Executor handshakes() {
        return handshakes;
    }

    @Override
    public Forwarding forwarding() {
        return forwarding;
    }

    @Override
    public List<String> advertisedAddresses() {
        return advertisedAddresses;
    }

    @Override
    public int udpPort() {
        return port.localPort();
    }

    @Override
    public int iceTcpPort() {
        return tcp == null ? 0 : tcp.localPort();
    }

    @Override
    public long rtcConnectTimeoutNanos() {
        return TimeUnit.SECONDS.toNanos(config.rtcConnectTimeoutSeconds());
    }

    @Override
    public long consentTimeoutNanos() {
        return TimeUnit.SECONDS.toNanos(config.consentTimeoutSeconds());
    }

    @Override
    public int nackHistoryPackets() {
        return config.nackHistoryPackets();
    }

    @Override
    public void ufragIssued(String localUfrag, Participant participant) {
        byUfrag.put(localUfrag, participant);
    }

    @Override
    public void ufragRetired(String localUfrag, Participant participant) {
        byUfrag.remove(localUfrag, participant);
    }

    @Override
    public void pathSwitched(InetSocketAddress path, Participant participant) {
        udpPaths.pathSwitched(participant, path);
        tcpPaths.pathSwitched(participant, path);
    }

    @Override
    public void handshakeRefused() {
        handshakesRefused.increment();
    }

    @Override
    public void sessionConnected(Participant participant, long connectNanos) {
        rtcConnect.record(connectNanos);
    }

    @Override
    public void sessionClosed(Participant participant) {
        // Removed before its counts are added, so that a concurrent stats() never counts them twice.
        sessions.remove(participant.sessionId(), participant);
        byUfrag.values().removeIf(p -> p == participant);
        udpPaths.sessionClosed(participant);
        tcpPaths.sessionClosed(participant);
        calls.computeIfPresent(participant.callId(), (id, call) -> call.isEmpty() ? null : call);
        tally.closed(participant);
    }

    @Override
    public void close() {
        running = false;
        for (Participant participant : List.copyOf(sessions.values())) {
            participant.close(CloseReason.ENGINE_STOPPED);
        }
        forwarding.stop();
        // A worker may still be in a batch send when the port closes: the port's ChannelSenders make close
        // wait for it and refuse later ones, so the sockets' descriptors are never used after they close.
        try {
            port.close();
            if (tcp != null) {
                tcp.close();
            }
        } catch (IOException e) {
            LOG.warnf("closing the media port failed: %s", e.getMessage());
        }
        LOG.infof("media engine stopped, UDP port %d released", port.localPort());
    }
}
