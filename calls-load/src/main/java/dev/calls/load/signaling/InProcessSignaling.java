package dev.calls.load.signaling;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

import dev.calls.load.metrics.InProcessMetrics;
import dev.calls.media.MediaEngine;
import dev.calls.media.MediaEngineConfig;
import dev.calls.media.api.MediaEvent;
import dev.calls.media.api.MediaException;
import dev.calls.media.sfu.ForwardWorker;
import dev.calls.media.transport.ReceiveLoop;

/**
 * Signaling straight into a {@link MediaEngine} started in this JVM, as the call service drives it in
 * the server: open a session, take the client's offer, answer the engine's offers, unmute, announce the
 * screen stream, close. No accounts and no WebSocket: it measures the engine alone, with real UDP, ICE,
 * DTLS and SRTP on 127.0.0.1.
 *
 * <p>Threads: the engine's receive loops, forwarding workers and timer run on threads named {@code engine-*}, its DTLS
 * handshakes on a pool {@code engine-dtls-*} (all counted as server CPU); its events are queued and
 * delivered on one thread, {@code load-signal}, which also runs the participants' answers (tool side).
 * The handshake pool grows as needed, as the server's work manager does: the engine holds a handshake
 * thread from its answer until the handshake ends, so a fixed small pool would make later joins wait
 * behind earlier ones and time out. Its idle threads live long so that their CPU time, which dies with
 * them, stays counted across a measurement.
 */
public final class InProcessSignaling implements Signaling {

    private static final Logger LOG = Logger.getLogger(InProcessSignaling.class);

    private final MediaEngine engine;
    private final List<Thread> engineThreads = new CopyOnWriteArrayList<>();
    private final ExecutorService handshakes;
    private final BlockingQueue<MediaEvent> events = new LinkedBlockingQueue<>();
    private final Map<String, SignalingListener> listeners = new ConcurrentHashMap<>();
    private final Thread deliverer;
    private final ServerMetrics metrics;
    private volatile boolean closed;

    /**
     * Starts an engine on an ephemeral UDP port of {@code bindAddress}.
     *
     * @param udpSockets  sockets the engine binds to its port (its receive threads)
     * @param bindAddress 127.0.0.1 for clients on loopback; 0.0.0.0 for clients in a network namespace, which
     *                    reach the address of this machine's interface that the engine then advertises and binds
     */
    public InProcessSignaling(int udpSockets, String bindAddress) throws IOException {
        AtomicInteger dtlsThreads = new AtomicInteger();
        handshakes = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.MINUTES, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(task, "engine-dtls-" + dtlsThreads.getAndIncrement());
            thread.setDaemon(true);
            engineThreads.add(thread);
            return thread;
        });
        MediaEngineConfig config = new MediaEngineConfig(0, 0, bindAddress, "", udpSockets, 10, 30, 512, 0,
                MediaEngineConfig.DEFAULT_MEDIA_THREAD_NICE, MediaEngineConfig.DEFAULT_MEDIA_THREAD_REALTIME_PRIORITY);
        engine = MediaEngine.start(config, events::add, handshakes);
        int loops = 0;
        for (ReceiveLoop loop : engine.receiveLoops()) {
            engineThreads.add(daemon(engine.atMediaPriority(loop), "engine-receive-" + loops++));
        }
        int workers = 0;
        for (ForwardWorker worker : engine.forwardingWorkers()) {
            engineThreads.add(daemon(engine.atMediaPriority(worker), "engine-forward-" + workers++));
        }
        engine.iceTcpLoop().ifPresent(loop -> engineThreads.add(daemon(engine.atMediaPriority(loop), "engine-ice-tcp")));
        engineThreads.add(daemon(engine.timer(), "engine-timer"));
        metrics = new InProcessMetrics(() -> new ArrayList<>(engineThreads), engine::stats);
        deliverer = new Thread(this::deliverEvents, "load-signal");
        deliverer.setDaemon(true);
        deliverer.start();
    }

    private static Thread daemon(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void deliverEvents() {
        while (!closed) {
            MediaEvent event;
            try {
                event = events.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            SignalingListener listener = event == null ? null : listeners.get(event.sessionId());
            if (listener == null) {
                continue;
            }
            try {
                if (event.type() == MediaEvent.Type.OFFER) {
                    listener.onOffer(event.detail());
                } else if (event.type() == MediaEvent.Type.CLOSED) {
                    listeners.remove(event.sessionId());
                    listener.onClosed(event.detail());
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "delivering %s to session %s failed", event.type(), event.sessionId());
            }
        }
    }

    @Override
    public SignalingSession join(String callName, int participant, SignalingListener listener) throws SignalingException {
        String sessionId = UUID.randomUUID().toString();
        listeners.put(sessionId, listener);
        try {
            engine.openSession(callName, sessionId);
        } catch (MediaException e) {
            listeners.remove(sessionId);
            throw new SignalingException(e.getMessage(), e);
        }
        return new Session(sessionId, listener);
    }

    @Override
    public ServerMetrics serverMetrics() {
        return metrics;
    }

    /** The engine's UDP port, for the report. */
    public int udpPort() {
        return engine.status().udpPort();
    }

    @Override
    public void close() {
        closed = true;
        engine.close();
        handshakes.shutdownNow();
        try {
            deliverer.join(2000);
            for (Thread thread : engineThreads) {
                thread.join(2000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Session implements SignalingSession {

        private final String sessionId;
        private final SignalingListener listener;

        Session(String sessionId, SignalingListener listener) {
            this.sessionId = sessionId;
            this.listener = listener;
        }

        @Override
        public String sessionId() {
            return sessionId;
        }

        @Override
        public void sendOffer(String sdp) throws SignalingException {
            String answer;
            try {
                answer = engine.acceptOffer(sessionId, sdp);
            } catch (MediaException e) {
                throw new SignalingException(e.getMessage(), e);
            }
            listener.onAnswer(answer);
        }

        @Override
        public void sendAnswer(String sdp) throws SignalingException {
            try {
                engine.acceptAnswer(sessionId, sdp);
            } catch (MediaException e) {
                throw new SignalingException(e.getMessage(), e);
            }
        }

        @Override
        public void unmute() throws SignalingException {
            try {
                engine.setMuted(sessionId, false);
            } catch (MediaException e) {
                throw new SignalingException(e.getMessage(), e);
            }
        }

        @Override
        public void screenOn(String streamId) throws SignalingException {
            try {
                engine.setScreenStream(sessionId, streamId);
            } catch (MediaException e) {
                throw new SignalingException(e.getMessage(), e);
            }
        }

        @Override
        public void leave() {
            listeners.remove(sessionId);
            engine.closeSession(sessionId, "left");
        }
    }
}
