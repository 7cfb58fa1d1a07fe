package dev.calls.media;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import dev.calls.media.api.MediaEvent;
import dev.calls.media.dtls.HandshakePool;
import dev.calls.media.peer.Poll;
import dev.calls.media.peer.TestPeer;
import dev.calls.media.sfu.ForwardWorker;
import dev.calls.media.transport.ReceiveLoop;

/**
 * A real engine on a real UDP port of 127.0.0.1, without a container: its loops and timer on threads of
 * the test, its events recorded, and the server offers it sends delivered to the right {@link TestPeer}
 * and answered, as the signaling layer does in production.
 */
final class EngineUnderTest implements AutoCloseable {

    final MediaEngine engine;
    private final HandshakePool handshakes;
    private final List<Thread> threads = new ArrayList<>();
    private final List<MediaEvent> events = new CopyOnWriteArrayList<>();
    private final BlockingQueue<MediaEvent> offers = new LinkedBlockingQueue<>();
    private final Map<String, TestPeer> peers = new ConcurrentHashMap<>();
    /** What each session's peer is shown of the engine's descriptions (all of it, unless a test says otherwise). */
    private final Map<String, UnaryOperator<String>> toPeer = new ConcurrentHashMap<>();
    private final Thread negotiator;
    private volatile boolean closed;

    EngineUnderTest(MediaEngineConfig config) throws Exception {
        this(config, new HandshakePool(32, 256));
    }

    /** An engine whose DTLS handshakes run on {@code handshakes}, closed with it. */
    EngineUnderTest(MediaEngineConfig config, HandshakePool handshakes) throws Exception {
        this.handshakes = handshakes;
        engine = MediaEngine.start(config, this::record, handshakes);
        for (ReceiveLoop loop : engine.receiveLoops()) {
            threads.add(start(engine.atMediaPriority(loop), "receive"));
        }
        for (ForwardWorker worker : engine.forwardingWorkers()) {
            threads.add(start(engine.atMediaPriority(worker), "forward"));
        }
        engine.iceTcpLoop().ifPresent(loop -> threads.add(start(engine.atMediaPriority(loop), "ice-tcp")));
        threads.add(start(engine.timer(), "timer"));
        negotiator = start(this::answerOffers, "negotiator");
    }

    static MediaEngineConfig loopbackConfig() {
        return new MediaEngineConfig(0, 0, "127.0.0.1", "", 2, 10, 30, 512, 2,
                MediaEngineConfig.DEFAULT_MEDIA_THREAD_NICE, MediaEngineConfig.DEFAULT_MEDIA_THREAD_REALTIME_PRIORITY);
    }

    private static Thread start(Runnable body, String name) {
        Thread thread = new Thread(body, "engine-test-" + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void record(MediaEvent event) {
        events.add(event);
        if (event.type() == MediaEvent.Type.OFFER) {
            offers.add(event);
        }
    }

    /** Delivers each server offer to its peer and gives the engine the peer's answer. */
    private void answerOffers() {
        while (!closed) {
            try {
                MediaEvent offer = offers.poll(100, TimeUnit.MILLISECONDS);
                if (offer != null && peers.containsKey(offer.sessionId())) {
                    String answer = peers.get(offer.sessionId()).answer(shown(offer.sessionId(), offer.detail()));
                    engine.acceptAnswer(offer.sessionId(), answer);
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                events.add(new MediaEvent(MediaEvent.Type.CLOSED, "", "negotiator", e.toString()));
            }
        }
    }

    /** Joins a peer to a call: its session, then its offer and the engine's answer. */
    void join(String callId, String sessionId, TestPeer peer) throws Exception {
        open(callId, sessionId, peer);
        offer(sessionId, peer);
    }

    void open(String callId, String sessionId, TestPeer peer) throws Exception {
        peers.put(sessionId, peer);
        engine.openSession(callId, sessionId);
    }

    void offer(String sessionId, TestPeer peer) throws Exception {
        peer.applyAnswer(shown(sessionId, engine.acceptOffer(sessionId, peer.createOffer())));
    }

    /** Joins a peer that sees the engine's answer and offers only as {@code filter} leaves them. */
    void join(String callId, String sessionId, TestPeer peer, UnaryOperator<String> filter) throws Exception {
        toPeer.put(sessionId, filter);
        join(callId, sessionId, peer);
    }

    private String shown(String sessionId, String sdp) {
        return toPeer.getOrDefault(sessionId, UnaryOperator.identity()).apply(sdp);
    }

    List<MediaEvent> events() {
        return List.copyOf(events);
    }

    MediaEvent awaitEvent(Duration timeout, String what, Predicate<MediaEvent> condition) {
        return Poll.until(timeout, () -> what + " among " + events,
                () -> events.stream().filter(condition).findFirst().orElse(null));
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        engine.close();
        negotiator.join(5000);
        for (Thread thread : threads) {
            thread.join(5000);
        }
        handshakes.close();
    }
}
