package dev.calls.media.jca;

import java.io.IOException;
import java.util.Optional;

import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;

import org.jboss.logging.Logger;

import dev.calls.limits.Limit;
import dev.calls.media.MediaEngine;
import dev.calls.media.MediaEngineConfig;
import dev.calls.media.MediaEventSink;
import dev.calls.media.PublicAddressCheck;
import dev.calls.media.dtls.HandshakePool;
import dev.calls.media.ice.StunUri;
import dev.calls.media.sfu.ForwardWorker;
import dev.calls.media.transport.ReceiveLoop;

/**
 * One run of the media engine, from the adapter's start to its stop: binds the media port and starts the
 * receive loops, forwarding threads and timer as long-running {@code Work}; when the port is taken, retries
 * until it is free. While the engine is not running it says why, for the ping.
 */
final class EngineRunner {

    private static final Logger LOG = Logger.getLogger(EngineRunner.class);

    private static final int BIND_RETRY_SECONDS = 2;

    private final WorkManager work;
    private final MediaEventSink events;
    private volatile MediaEngine engine;
    private volatile HandshakePool handshakes;
    private volatile boolean stopped;
    private volatile String problem = "the media engine has not started";

    EngineRunner(WorkManager work, MediaEventSink events) {
        this.work = work;
        this.events = events;
    }

    /** Starts the engine, or the retries when its port is taken. */
    void start(AdapterSettings settings) throws WorkException {
        MediaEngineConfig config = settings.engine();
        if (!tryStart(settings)) {
            String tcp = config.iceTcpPort() == MediaEngineConfig.ICE_TCP_OFF ? "" : " or TCP " + config.iceTcpPort();
            problem = String.format("cannot bind the media port UDP %s:%d%s; retrying every %d s",
                    config.bindAddress(), config.udpPort(), tcp, BIND_RETRY_SECONDS);
            LOG.errorf("%s; calls cannot connect until it is free.", problem);
            work.startWork(new RunnableWork(() -> retryStart(settings), () -> stopped = true));
        }
    }

    /** Keeps the engine down for the reason given (a refused setting). */
    void keepDown(String reason) {
        problem = reason;
    }

    /** The running engine, or null while it is stopped or waiting for its port. */
    MediaEngine engine() {
        return engine;
    }

    /** Why the engine is not running. */
    String problem() {
        return problem;
    }

    synchronized void stop() {
        stopped = true;
        problem = "the media engine is stopped";
        MediaEngine running = engine;
        engine = null;
        if (running != null) {
            running.close();
        }
        HandshakePool pool = handshakes;
        handshakes = null;
        if (pool != null) {
            pool.close();
        }
    }

    private boolean tryStart(AdapterSettings settings) throws WorkException {
        MediaEngine started;
        HandshakePool pool = new HandshakePool(Limit.DTLS_HANDSHAKE_THREADS.value(), Limit.DTLS_HANDSHAKE_QUEUE.value());
        try {
            started = MediaEngine.start(settings.engine(), events, pool);
        } catch (IOException e) {
            pool.close();
            LOG.debugf("binding the media port failed: %s", e.getMessage());
            return false;
        }
        handshakes = pool;
        engine = started;
        for (ReceiveLoop loop : started.receiveLoops()) {
            work.startWork(new RunnableWork(started.atMediaPriority(loop), loop::stop));
        }
        for (ForwardWorker worker : started.forwardingWorkers()) {
            work.startWork(new RunnableWork(started.atMediaPriority(worker), worker::stop));
        }
        // The ICE-TCP loop ends when the engine closes its port, as the timer ends when the engine stops.
        Optional<Runnable> iceTcp = started.iceTcpLoop();
        if (iceTcp.isPresent()) {
            work.startWork(new RunnableWork(started.atMediaPriority(iceTcp.get()), () -> { }));
        }
        work.startWork(new RunnableWork(started.timer(), () -> { }));
        checkPublicAddress(started, settings);
        return true;
    }

    /**
     * Without iceHostOverride, asks the first configured STUN server for this machine's public address, on
     * a thread of its own so that startup never waits for it; the outcome goes to the log.
     */
    private void checkPublicAddress(MediaEngine started, AdapterSettings settings) throws WorkException {
        if (!settings.engine().iceHostOverride().isEmpty()) {
            return;
        }
        StunUri server = StunUri.firstIn(settings.product().iceServersJson());
        if (server == null) {
            LOG.infof("no STUN server in iceServers: public address discovery skipped; clients are given %s",
                    started.status().advertisedAddress());
            return;
        }
        PublicAddressCheck check = new PublicAddressCheck(server, started.status().advertisedAddress(),
                PublicAddressCheck.TIMEOUT);
        work.scheduleWork(new RunnableWork(check, () -> { }));
    }

    private void retryStart(AdapterSettings settings) {
        try {
            while (!stopped) {
                Thread.sleep(BIND_RETRY_SECONDS * 1000L);
                synchronized (this) {
                    if (!stopped && tryStart(settings)) {
                        return;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (WorkException e) {
            LOG.errorf(e, "cannot start the media receive loops");
        }
    }
}
